import type { KsefClient } from '../../ksef/client';
import { relayBaseUrl, type KsefEnvironment } from '../../ksef/environments';
import { seams } from './seams';

/** The client's code is loaded on the first call to KSeF, not before the first paint. */
const loadClient = () => import('../../ksef/client');

/** A KSeF client on the same-origin relay for `environment`. */
export async function ksefClient(environment: KsefEnvironment): Promise<KsefClient> {
  const { createKsefClient } = await loadClient();
  const { fetch, origin, now, sleep } = seams();
  return createKsefClient({ baseUrl: relayBaseUrl(environment, origin), fetch, now, sleep });
}
