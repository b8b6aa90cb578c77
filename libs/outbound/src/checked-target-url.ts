import { DomainError } from '@standpoint/errors';
import {
  checkTarget,
  RefusedPortError,
  RefusedTargetError,
  UnresolvedTargetError,
} from './public-targets';

/**
 * A URL an admin gives for Standpoint to call (a webhook endpoint, a Teams workflow, an OIDC
 * issuer): https to a public host on an allowed port (http and private hosts only where the
 * configuration allows). Refusals name `field` and the rule broken.
 */
export async function checkedTargetUrl(
  text: string,
  allowPrivate: boolean,
  field: string,
): Promise<URL> {
  const refuse = (rule: string, message: string) =>
    DomainError.invalidField([{ field, rule, message }]);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw refuse('url', 'must be an absolute URL such as https://tool.example.com/hooks');
  }
  const schemes = allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol))
    throw refuse('https', `must use ${schemes.map((s) => s.slice(0, -1)).join(' or ')}`);
  if (url.username || url.password)
    throw refuse('noCredentials', 'must not carry a user name or password');
  try {
    await checkTarget(url, allowPrivate);
  } catch (error) {
    if (error instanceof RefusedPortError) throw refuse('allowedPort', error.message);
    if (error instanceof RefusedTargetError) throw refuse('publicTarget', error.message);
    if (error instanceof UnresolvedTargetError) throw refuse('resolvable', error.message);
    throw error;
  }
  return url;
}
