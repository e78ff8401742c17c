// Response headers of relayed KSeF answers, as an allowlist (server/relay/headers.ts is the source of
// truth; tests/deploy/nginx-header-lists.node.test.ts keeps the lists equal). nginx itself only hides
// headers it is told about, so any header KSeF or its CDN adds tomorrow (Location, Link, Refresh,
// Clear-Site-Data, NEL, ...) would reach the browser; this filter deletes every header not named here.
/* global ngx */
// Written for njs 0.7 (Debian 12's libnginx-mod-http-js): no for-of, no optional chaining.
// It also relays CRLs (relayCrl): njs reads them whole, which nginx's proxy cannot cap.

// server/relay/headers.ts PASSED_RESPONSE_HEADERS.
var PASSED_RESPONSE_HEADERS = ['Content-Type', 'Retry-After', 'X-System-Warning'];

// How the body is framed and encoded, which the browser needs to read it: nginx passes KSeF's bytes
// as they are (a body KSeF compressed unasked stays compressed), where the Node relay's fetch
// decodes and reframes them.
var FRAMING_HEADERS = ['Content-Length', 'Content-Encoding'];

var KEPT = PASSED_RESPONSE_HEADERS.concat(FRAMING_HEADERS).map(function (name) {
  return name.toLowerCase();
});

// js_header_filter: runs before add_header, so the security headers of ksef-cert.conf are added after it.
function allowlistResponseHeaders(r) {
  Object.keys(r.headersOut).forEach(function (name) {
    if (KEPT.indexOf(name.toLowerCase()) === -1) delete r.headersOut[name];
  });
}

// server/relay/relay.ts RELAY_MAX_CRL_BYTES.
var CRL_MAX_BYTES = 4 * 1024 * 1024;

function answerError(r, status, error) {
  r.headersOut['Content-Type'] = 'application/json';
  r.return(status, JSON.stringify({ error: error }));
}

// js_content of the CRL location: GET <CRL host>/security/crl/<name>.crl, read whole and at most
// CRL_MAX_BYTES, then answered with KSeF's status, body and allowlisted headers. A CRL is public: only
// the browser's Accept goes on. The same codes as the Node relay when that fails: 504 upstream-timeout
// (js_fetch_timeout), 502 upstream-invalid (too large, or not HTTP), 502 upstream-unreachable.
function relayCrl(r) {
  var url = r.variables.ksef_crl_upstream + '/security/crl/' + r.variables.ksef_crl;
  var headers = {};
  if (r.headersIn.Accept) headers.Accept = r.headersIn.Accept;
  ngx
    // One byte more than allowed may be read, so that an answer over the cap is told from one at it
    // however njs enforces the option (a rejection or a body cut there); the probes cover both framings.
    .fetch(url, { method: 'GET', headers: headers, max_response_body_size: CRL_MAX_BYTES + 1 })
    .then(function (reply) {
      var length = Number(reply.headers.get('Content-Length'));
      if (length > CRL_MAX_BYTES) return answerError(r, 502, 'upstream-invalid');
      return reply.arrayBuffer().then(function (body) {
        if (body.byteLength > CRL_MAX_BYTES) return answerError(r, 502, 'upstream-invalid');
        PASSED_RESPONSE_HEADERS.forEach(function (name) {
          var value = reply.headers.get(name);
          if (value !== null && value !== undefined) r.headersOut[name] = value;
        });
        r.return(reply.status, Buffer.from(body));
      });
    })
    .catch(function (e) {
      var message = String(e && e.message);
      if (/timed out/.test(message)) answerError(r, 504, 'upstream-timeout');
      else if (/too large|max_response_body_size|invalid|parse/i.test(message)) answerError(r, 502, 'upstream-invalid');
      else answerError(r, 502, 'upstream-unreachable');
    });
}

// The list is exported for the test that compares it with the Node relay's.
export default { allowlistResponseHeaders, relayCrl, PASSED_RESPONSE_HEADERS };
