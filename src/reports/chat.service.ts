/**
 * Chat delivery, the I/O: which webhook the flags and environment name
 * (chatTarget), and posting a message there (sendChat). Errors are one
 * line naming the service and the host, never the URL (its path or query
 * holds the robot's token) nor the secret; they carry no `cause`, so
 * TEAM_DEBUG=1's stack shows none of them either.
 */
import { InputError, Failure, label, type MessageParams } from '../shared/errors.js';
import { closestMatch } from '../shared/match.js';
import {
  CHAT_PARTS_PER_MINUTE,
  CHAT_SERVICES,
  CHAT_SERVICE_LABEL,
  SIGNED_SERVICES,
  chatProblem,
  chatRequests,
  guessService,
  parseService,
  redact,
  type ChatMessage,
  type ChatService,
  type ChatTarget,
} from './rules/chat.js';

export type { ChatMessage, ChatService, ChatTarget };

const present = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());

/**
 * The chat webhook to post to, or undefined when no URL is given at all.
 * Each flag wins over its variable: --webhook over TEAM_WEBHOOK, --to over
 * TEAM_WEBHOOK_TO (else guessed from the host), --secret over
 * TEAM_WEBHOOK_SECRET; blank values count as absent.
 * Refused (InputError): a URL that is not http(s) or holds a password, an
 * unknown service (with the closest name), no service for an unknown host,
 * a service the host contradicts (TEAM_WEBHOOK_TO left over from another
 * robot), and --secret for WeCom or Slack, whose robots cannot sign. A
 * TEAM_WEBHOOK_SECRET is an environment-wide default, so for those two it
 * is ignored rather than refused.
 */
export function chatTarget(flags: { webhook?: string; to?: string; secret?: string }, env: Record<string, string | undefined>): ChatTarget | undefined {
  const raw = present(flags.webhook) ?? present(env.TEAM_WEBHOOK);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Never echo the input: it holds the robot's token.
    throw new InputError('reports.chat.err.url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputError('reports.chat.err.protocol', { protocol: url.protocol.replace(/:$/, '') });
  if (url.username !== '' || url.password !== '') throw new InputError('reports.chat.err.credentials');

  const guessed = guessService(url);
  const toInput = present(flags.to) ?? present(env.TEAM_WEBHOOK_TO);
  let to: ChatService;
  if (toInput !== undefined) {
    const parsed = parseService(toInput);
    if (!parsed) {
      const suggestion = closestMatch(toInput, CHAT_SERVICES);
      throw suggestion ? new InputError('reports.chat.err.serviceSuggest', { value: toInput, suggestion }) : new InputError('reports.chat.err.service', { value: toInput });
    }
    if (guessed && guessed !== parsed) throw new InputError('reports.chat.err.mismatch', { host: url.host, actual: label(CHAT_SERVICE_LABEL[guessed]), service: label(CHAT_SERVICE_LABEL[parsed]) });
    to = parsed;
  } else if (guessed) {
    to = guessed;
  } else {
    throw new InputError('reports.chat.err.noService', { host: url.host });
  }

  const signs = SIGNED_SERVICES.includes(to);
  const flagSecret = flags.secret !== undefined && flags.secret !== '' ? flags.secret : undefined;
  if (flagSecret !== undefined && !signs) throw new InputError('reports.chat.err.noSigning', { service: label(CHAT_SERVICE_LABEL[to]) });
  const secret = signs ? (flagSecret ?? (env.TEAM_WEBHOOK_SECRET || undefined)) : undefined;
  return secret !== undefined ? { url: url.toString(), to, secret } : { url: url.toString(), to };
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Codes of a failed connection worth naming; anything else is named by its class only. */
const NET_CODE = /^(E[A-Z]+|UND_ERR_[A-Z_]+|CERT_[A-Z_]+|[A-Z_]*CERT[A-Z_]*|ERR_TLS_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)$/;

/** Why a request failed to get an answer, in a word that holds no URL: ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED… */
function networkReason(e: unknown): string {
  for (let err: unknown = e, depth = 0; err && typeof err === 'object' && depth < 5; err = (err as { cause?: unknown }).cause, depth++) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && NET_CODE.test(code)) return code;
  }
  return e instanceof Error && /^[A-Za-z]+$/.test(e.name) ? e.name : 'error';
}

const isTimeout = (e: unknown) => e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');

/**
 * Posts `message` to the chat group of `target`, in as many parts as the
 * service's size limit needs, one after the other (a part is posted only
 * once the one before was taken). Each request may take `timeoutMs`
 * (default 10 s), the whole send at most `totalMs` (default 60 s).
 * Throws InputError before sending anything when DingTalk or WeCom would
 * need more than their 20 messages a minute, and Failure (one line: the
 * service, the host, and the service's own words when it refused) when a
 * part is refused, answered with an HTTP error, unreachable or too slow.
 */
export async function sendChat(target: ChatTarget, message: ChatMessage, opts: { now: Date; timeoutMs?: number; totalMs?: number }): Promise<{ messages: number }> {
  const requests = chatRequests(target, message, opts.now);
  const service = label(CHAT_SERVICE_LABEL[target.to]);
  const max = CHAT_PARTS_PER_MINUTE[target.to];
  if (max !== undefined && requests.length > max) throw new InputError('reports.chat.err.tooManyParts', { parts: requests.length, service, max });

  const host = new URL(target.url).host;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = performance.now() + Math.max(timeoutMs, opts.totalMs ?? 60_000);
  const total = requests.length;
  const several = total > 1;
  for (const [i, req] of requests.entries()) {
    const where: MessageParams = several ? { service, host, part: i + 1, total } : { service, host };
    const wait = Math.min(timeoutMs, Math.max(1, Math.floor(deadline - performance.now())));
    const seconds = Math.round(wait / 100) / 10;
    let status: number;
    let text: string;
    try {
      const res = await fetch(req.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: req.body,
        signal: AbortSignal.timeout(wait),
        redirect: 'error',
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      if (isTimeout(e)) throw new Failure(several ? 'reports.chat.err.timeoutPart' : 'reports.chat.err.timeout', { ...where, seconds });
      throw new Failure(several ? 'reports.chat.err.unreachablePart' : 'reports.chat.err.unreachable', { ...where, reason: networkReason(e) });
    }
    const problem = chatProblem(target.to, status, text);
    if (problem?.kind === 'refused') throw new Failure(several ? 'reports.chat.err.refusedPart' : 'reports.chat.err.refused', { ...where, reason: redact(problem.reason, target) });
    if (problem?.kind === 'http') throw new Failure(several ? 'reports.chat.err.httpPart' : 'reports.chat.err.http', { ...where, status: problem.status });
  }
  return { messages: total };
}
