import type { AllowedMentionsBody } from './validation.js';

export interface ResolvedMentions {
  readonly everyone: boolean;
  readonly users: readonly string[];
  readonly roles: readonly string[];
}

/**
 * Who a message would notify. Without allowed_mentions Discord parses everything, which is how
 * untrusted text ends up pinging @everyone; the fake applies the same rule so tests can prove it does not.
 */
export function resolveMentions(content: string, allowed: AllowedMentionsBody | undefined): ResolvedMentions {
  const parse = new Set(allowed ? (allowed.parse ?? []) : ['users', 'roles', 'everyone']);
  const explicitUsers = new Set(allowed?.users ?? []);
  const explicitRoles = new Set(allowed?.roles ?? []);
  const users = [...content.matchAll(/<@!?(\d{5,25})>/g)].map((m) => m[1] ?? '');
  const roles = [...content.matchAll(/<@&(\d{5,25})>/g)].map((m) => m[1] ?? '');
  return {
    everyone: parse.has('everyone') && /@(everyone|here)\b/.test(content),
    users: unique(users.filter((id) => parse.has('users') || explicitUsers.has(id))),
    roles: unique(roles.filter((id) => parse.has('roles') || explicitRoles.has(id))),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
