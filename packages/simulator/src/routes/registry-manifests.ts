import type { AppContext } from '../app-env.js';
import { jsonResponse } from '../app-env.js';
import { parseName } from '../model-name.js';
import type { SimulatorState } from '../simulator-state.js';

/**
 * GET|HEAD /v2/<namespace>/<model>/manifests/<tag>: the registry side, so that "is my local
 * model outdated?" can be tested. The digest is in `Docker-Content-Digest`.
 */
export function handleManifest(state: SimulatorState, c: AppContext): Response {
  const namespace = c.req.param('namespace') ?? '';
  const model = c.req.param('model') ?? '';
  const tag = c.req.param('tag') ?? '';
  const remote = state.registry.lookup(parseName(`${namespace}/${model}:${tag}`));
  if (!remote) {
    return jsonResponse(404, {
      errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: { Tag: tag } }],
    });
  }
  return new Response(remote.manifest.text, {
    status: 200,
    headers: {
      'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json',
      'Docker-Content-Digest': `sha256:${remote.digest}`,
    },
  });
}
