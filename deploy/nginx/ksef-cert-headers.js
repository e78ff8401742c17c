// Response headers of relayed KSeF answers, as an allowlist (server/relay/headers.ts is the source of
// truth; tests/deploy/nginx-header-lists.node.test.ts keeps the lists equal). nginx itself only hides
// headers it is told about, so any header KSeF or its CDN adds tomorrow (Location, Link, Refresh,
// Clear-Site-Data, NEL, ...) would reach the browser; this filter deletes every header not named here.
// Written for njs 0.7 (Debian 12's libnginx-mod-http-js): no for-of, no optional chaining.

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

// The list is exported for the test that compares it with the Node relay's.
export default { allowlistResponseHeaders, PASSED_RESPONSE_HEADERS };
