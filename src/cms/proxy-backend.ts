import { ProxyBackend } from 'decap-cms-backend-proxy';

interface CmsRequest {
  action: string;
  params: Record<string, unknown>;
}

/** Decap's own types do not reach this entry point; this is the part used here. */
const Base = ProxyBackend as new (...args: never[]) => {
  request(payload: CmsRequest): Promise<unknown>;
};

/**
 * Decap's proxy backend, with the server's refusals shown as written. Decap puts a failed
 * request into its message as `${error}`, which for its APIError reads "API_ERROR: 只有……";
 * an error without a name prints its message alone.
 */
export class ServerProxyBackend extends Base {
  override async request(payload: CmsRequest) {
    try {
      return await super.request(payload);
    } catch (error) {
      if (error instanceof Error && error.name === 'API_ERROR') error.name = '';
      throw error;
    }
  }
}
