/**
 * The shared HTTP client for axios adapters (G-Staff, GMO Sign): a timeout on every request,
 * bounded retries with back-off and jitter for retryable failures only (429, 5xx, lost
 * connections), `Retry-After` honoured, and vendor errors turned into IntegrationError.
 */
import axios, { type AxiosInstance, type AxiosRequestConfig, isAxiosError } from 'axios';
import { IntegrationError } from '../../core/errors.js';
import { parseRetryAfter, type RetryPolicy, type RetryVerdict, withRetries } from './resilience.js';

const RETRYABLE_NETWORK = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'ERR_NETWORK',
]);

export function classifyHttpError(error: unknown): RetryVerdict {
  if (!isAxiosError(error)) return { retryable: false };
  const status = error.response?.status;
  if (status === undefined)
    return { retryable: RETRYABLE_NETWORK.has(String(error.code)) || /socket hang up/i.test(error.message) };
  const retryAfterMs = parseRetryAfter(error.response?.headers?.['retry-after'], new Date());
  return {
    retryable: status === 429 || status >= 500,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

export interface HttpClientSettings {
  system: string;
  baseUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  headers?: Record<string, string>;
}

export class ResilientHttpClient {
  private readonly http: AxiosInstance;

  constructor(private readonly settings: HttpClientSettings) {
    this.http = axios.create({
      baseURL: settings.baseUrl,
      timeout: settings.timeoutMs,
      headers: { accept: 'application/json', ...settings.headers },
    });
  }

  /** `retry` overrides the client's policy, e.g. a single attempt for a send whose repeat must be decided elsewhere. */
  async request<T>(
    operation: string,
    config: AxiosRequestConfig,
    options: { retry?: RetryPolicy } = {},
  ): Promise<T> {
    try {
      const response = await withRetries(
        () => this.http.request<T>(config),
        classifyHttpError,
        options.retry ?? this.settings.retry,
      );
      return response.data;
    } catch (error) {
      const status = isAxiosError(error) ? error.response?.status : undefined;
      const vendorCode = isAxiosError(error)
        ? String(
            (error.response?.data as { error?: { code?: unknown } } | undefined)?.error?.code ??
              error.code ??
              'error',
          )
        : 'error';
      throw new IntegrationError(
        {
          system: this.settings.system,
          operation,
          retryable: classifyHttpError(error).retryable,
          ...(status !== undefined ? { status } : {}),
          message: vendorCode,
        },
        { cause: error },
      );
    }
  }
}
