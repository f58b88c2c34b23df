// Talks to the CRM through the gateway: keeps the session's tokens, refreshes the access token before
// it expires (and once more on a 401), and turns problem details into errors the screens can show.

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string | undefined,
    message: string,
    readonly fieldErrors: { field: string; message: string }[] = [],
    /** The whole problem document, for the properties some problems add (such as `duplicates`). */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const STORAGE_KEY = 'crm.session';
let refreshing: Promise<Session | null> | null = null;
const listeners = new Set<(session: Session | null) => void>();

export function currentSession(): Session | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function storeTokens(tokens: { accessToken: string; refreshToken: string; expiresIn: number }): Session {
  const session = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  listeners.forEach((l) => l(session));
  return session;
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((l) => l(null));
}

async function refresh(session: Session): Promise<Session | null> {
  if (!refreshing) {
    refreshing = fetch('/api/identity/token/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    })
      .then(async (response) => (response.ok ? storeTokens(await response.json()) : (clearSession(), null)))
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

async function toError(response: Response): Promise<ApiError> {
  try {
    const problem = await response.json();
    return new ApiError(response.status, problem.type, problem.detail ?? response.statusText, problem.errors ?? [], problem);
  } catch {
    return new ApiError(response.status, undefined, response.statusText);
  }
}

/**
 * The language the user chose for the app (i18n.ts keeps the page's lang attribute), so that the services answer
 * in it where they can (Bean Validation's messages, export headers) rather than in the browser's.
 */
function pageLanguage(): Record<string, string> {
  const language = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return language ? { 'Accept-Language': language } : {};
}

/**
 * An access token good for at least another minute (refreshed first when it is not), for what cannot go through
 * api(): the real-time connection's handshake. Null when signed out.
 */
export async function freshAccessToken(): Promise<string | null> {
  let session = currentSession();
  if (session && session.expiresAt - Date.now() < 60_000) {
    session = await refresh(session);
  }
  return session?.accessToken ?? null;
}

/** A fetch with the session's access token, refreshed before it expires and once more after a 401. */
async function authorized(path: string, init: RequestInit, anonymous = false): Promise<Response> {
  const send = (session: Session | null) =>
    fetch(path, {
      ...init,
      headers: {
        ...pageLanguage(),
        ...(init.headers as Record<string, string> | undefined),
        ...(session && !anonymous ? { Authorization: `Bearer ${session.accessToken}` } : {}),
      },
    });
  let session = currentSession();
  if (session && !anonymous && session.expiresAt - Date.now() < 60_000) {
    session = await refresh(session);
  }
  let response = await send(session);
  if (response.status === 401 && session && !anonymous) {
    session = await refresh(session);
    if (session) {
      response = await send(session);
    }
  }
  if (!response.ok) {
    throw await toError(response);
  }
  return response;
}

/** A request to the API; JSON in and out. Throws ApiError for any non-2xx answer. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; anonymous?: boolean } = {}): Promise<T> {
  const response = await authorized(path, {
    method: init.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  }, init.anonymous);
  // 202 and 204 answers (and any empty body) carry nothing to parse
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Sends one file as multipart/form-data (the part is named "file"); JSON back. */
export async function upload<T>(path: string, file: Blob, method = 'PUT'): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const response = await authorized(path, { method, headers: { Accept: 'application/json' }, body: form });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the API serves only with a token (an export, a report), with its Content-Disposition header. */
export async function download(path: string, headers: Record<string, string> = {}): Promise<{ blob: Blob; disposition: string | null }> {
  const response = await authorized(path, { method: 'GET', headers });
  return { blob: await response.blob(), disposition: response.headers.get('Content-Disposition') };
}

/** An image the API serves only with a token (a user's photo), as an address an <img> can show. */
export async function imageAddress(path: string): Promise<string> {
  const response = await authorized(path, { method: 'GET' });
  return URL.createObjectURL(await response.blob());
}

export interface Me {
  id: string;
  email: string;
  firstName: string;
  lastName: string | null;
  patronymic: string | null;
  role: 'ADMIN' | 'SUPERVISOR' | 'MANAGER' | 'OPERATOR' | 'MARKETER' | 'DEVELOPER';
  departmentId: string | null;
  company: { id: string; name: string };
}

/** A user's full card, as the directory serves it. */
export interface UserCard {
  id: string;
  firstName: string;
  lastName: string | null;
  patronymic: string | null;
  personalPhone: string | null;
  workPhone: string | null;
  pbxExtension: string | null;
  birthDate: string | null;
  photoUrl: string | null;
  position: string | null;
}
