/**
 * What decap-cms-locales' zh_Hans leaves in English (47 of 248 phrases in 3.8.2), plus the pattern
 * message: our patterns carry a whole Chinese sentence, so it is shown as it is.
 */
export const zhHansAdditions = {
  auth: { loginWithForgejo: '使用 Forgejo 登录' },
  collection: {
    collectionTop: { viewAsList: '列表视图', viewAsGrid: '网格视图' },
    entries: { unpublishedHeader: '未发布的条目' },
  },
  editor: {
    editorControl: { field: { widgetLabel: '%{widgetLabel}字段' } },
    editorControlPane: {
      widget: {
        regexPattern: '%{pattern}',
        rangeMin: '“%{fieldLabel}”至少需要 %{minCount} 项',
        rangeMax: '“%{fieldLabel}”最多只能有 %{maxCount} 项',
      },
    },
    editorInterface: { toggleNotes: '显示或隐藏批注' },
    editorNotesPane: {
      title: '批注',
      emptyState: '还没有批注。在下面写下第一条批注，与审核人交流。',
      addNote: '添加批注',
      addPlaceholder: '写一条批注……',
      editPlaceholder: '修改批注……',
      save: '保存',
      cancel: '取消',
      edit: '修改',
      delete: '删除',
      resolve: '标为已解决',
      unresolve: '重新打开',
      confirmDelete: '确定要删除这条批注吗？',
      shortcut: '提示：按 Ctrl+Enter 可快速添加批注',
    },
    editorToolbar: {
      statusInfoTooltipDraft: '当前状态为草稿。写完后把状态改为“待审核”，提交审核。',
      statusInfoTooltipInReview: '正在审核，不需要再做什么。审核期间仍可继续修改。',
    },
    editorWidgets: {
      markdown: {
        strikethrough: '删除线',
        toggleMode: { rich: '切换到富文本模式', markdown: '切换到 Markdown 模式' },
      },
      image: { chooseMultiple: '选择多张图片', addMore: '添加更多图片', removeAll: '移除全部图片' },
      file: { chooseMultiple: '选择多个文件', addMore: '添加更多文件', removeAll: '移除全部文件' },
      datetime: { setToNow: '把“%{fieldLabel}”设为现在' },
      list: { addType: '添加%{item}' },
      object: { expand: '展开', collapse: '收起' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: '关闭' } },
  ui: {
    settingsDropdown: { account: '账户选项' },
    toast: {
      noteAdded: '已添加批注',
      onFailToAddNote: '添加批注失败：%{details}',
      noteUpdated: '已更新批注',
      onFailToUpdateNote: '更新批注失败：%{details}',
      noteDeleted: '已删除批注',
      onFailToDeleteNote: '删除批注失败：%{details}',
      noteResolved: '批注已解决',
      noteReopened: '批注已重新打开',
      onFailToToggleNote: '更改批注状态失败：%{details}',
    },
  },
};

type Phrases = { [key: string]: unknown };

/** Deep merge: the additions fill gaps and replace the phrases they name. */
export function completeLocale(base: Phrases, additions: Phrases = zhHansAdditions): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(additions)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && current && typeof current === 'object'
        ? completeLocale(current as Phrases, value as Phrases)
        : value;
  }
  return out;
}
