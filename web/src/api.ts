/**
 * The app's only door to the server: JSON from /api/v1, problem+json turned into an Error with its detail (and the
 * problem's other members, e.g. a deadline refusal's `refusal`, for the page to write in its language).
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly problem: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(init?.body ? { 'content-type': 'application/json' } : {}),
      ...(init?.headers as Record<string, string> | undefined),
    },
  });
  if (!response.ok) {
    let detail = response.statusText;
    let code = 'http';
    let members: Record<string, unknown> = {};
    try {
      const problem = (await response.json()) as { detail?: string; title?: string; code?: string };
      detail = problem.detail ?? problem.title ?? detail;
      code = problem.code ?? code;
      if (typeof problem === 'object' && problem !== null) members = problem;
    } catch {
      /* not JSON */
    }
    throw new ApiError(detail, response.status, code, members);
  }
  return (await response.json()) as T;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}
