/** Who is signed in to the publishing server. 编辑 writes and submits; 审核 also publishes. */
export type Role = 'editor' | 'reviewer';

export interface SessionUser {
  /** The sign-in name (ASCII), also the git author's e-mail local part. */
  login: string;
  /** The name shown in the CMS and written as the git commit author, e.g. 张书记. */
  name: string;
  role: Role;
}
