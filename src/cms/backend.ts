/**
 * Which git host the CMS saves to. Chosen by configuration, never by code edits: environment
 * variables at build time win over admin/backend.yml.
 */
export const BACKENDS = ['github', 'gitlab', 'gitea', 'forgejo', 'proxy'] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface BackendConfig {
  name: BackendName;
  /** Owner/name on a git host; the publishing server (proxy) has none. */
  repo?: string;
  branch: string;
  /** The publishing server's CMS API (`npm run serve`), same origin. */
  proxy_url?: string;
  base_url?: string;
  api_root?: string;
  auth_type?: 'pkce' | 'implicit';
  app_id?: string;
  auth_endpoint?: string;
}

export interface BackendChoice {
  backend: BackendConfig;
  /** 提出 → 审核 → 发布 through pull requests, where the host supports it. */
  editorialWorkflow: boolean;
}

const ENV_KEYS: Record<string, keyof BackendConfig> = {
  CMS_BACKEND: 'name',
  CMS_REPO: 'repo',
  CMS_BRANCH: 'branch',
  CMS_BASE_URL: 'base_url',
  CMS_API_ROOT: 'api_root',
  CMS_AUTH_TYPE: 'auth_type',
  CMS_APP_ID: 'app_id',
  CMS_AUTH_ENDPOINT: 'auth_endpoint',
};

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Merges the YAML file's settings with CMS_* environment variables and checks them, with
 * messages in Chinese that say which setting to fix.
 */
export function resolveBackend(
  file: Record<string, unknown> | undefined,
  env: Record<string, string | undefined>,
): BackendChoice {
  const merged: Record<string, unknown> = { ...(file ?? {}) };
  for (const [variable, key] of Object.entries(ENV_KEYS)) {
    const value = str(env[variable]);
    if (value) merged[key] = value;
  }
  const name = str(merged.name) ?? 'github';
  if (!(BACKENDS as readonly string[]).includes(name)) {
    throw new Error(
      `内容管理后端“${name}”不受支持：CMS_BACKEND 或 admin/backend.yml 的 name 只能是 ${BACKENDS.join('、')}`,
    );
  }
  if (name === 'proxy') {
    // The publishing server: the API on the same origin, and always 提出 → 审核 → 发布.
    return {
      backend: {
        name: 'proxy',
        proxy_url: str(merged.proxy_url) ?? '/api/v1',
        branch: str(merged.branch) ?? 'main',
      },
      editorialWorkflow: true,
    };
  }
  const repo = str(merged.repo);
  if (!repo || !/^[\w.-]+(?:\/[\w.-]+)+$/.test(repo)) {
    throw new Error(
      `内容管理仓库“${repo ?? ''}”无效：CMS_REPO 或 admin/backend.yml 的 repo 应写成 所有者/仓库名，例如 qiaobei/dangzhibu`,
    );
  }
  const authType = str(merged.auth_type);
  if (authType && authType !== 'pkce' && authType !== 'implicit') {
    throw new Error(`CMS_AUTH_TYPE 只能是 pkce 或 implicit，现在是“${authType}”`);
  }
  const backend: BackendConfig = {
    name: name as BackendName,
    repo,
    branch: str(merged.branch) ?? 'main',
  };
  for (const key of ['base_url', 'api_root', 'app_id', 'auth_endpoint'] as const) {
    const value = str(merged[key]);
    if (value) backend[key] = value;
  }
  if (authType) backend.auth_type = authType as 'pkce' | 'implicit';
  const workflowSetting =
    str(env.CMS_EDITORIAL_WORKFLOW) ??
    String((merged.editorial_workflow as string | boolean | undefined) ?? 'false');
  // Decap's gitea backend has no editorial workflow; forgejo, github and gitlab do.
  const editorialWorkflow = workflowSetting === 'true' && backend.name !== 'gitea';
  return { backend, editorialWorkflow };
}
