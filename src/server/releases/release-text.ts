/** What the CMS and the 发布记录 page say about releases. */
export const RELEASE_TEXT = {
  updating: '已发布，网站更新中',
  pagesLive: '网页已更新，搜索索引更新中',
  live: '网站已更新',
  failed: '更新失败：',
  none: '网站还没有生成',
  interrupted: '构建被中断（服务器重启或停止），网站仍是上一个版本',
  interruptedIndexing:
    '构建在更新搜索索引时被中断（服务器重启或停止），网页已是新的，搜索索引重新构建后补上',
  noIndex: '构建没有生成首页 index.html',
  reviewerOnly: '只有审核人可以把旧版本恢复上线',
  noSuchRelease: '没有这个版本',
  notRestorable: '这个版本没有构建成功或已被清理，不能恢复上线',
  alreadyLive: '这个版本已经在线',
  signIn: '请先登录',
  foreignOrigin: '请求不是从本站页面发出的，已拒绝',
} as const;
