/**
 * What decap-cms-locales' zh_Hans leaves in English (47 of 248 phrases in 3.8.2), the pattern
 * message (our patterns carry a whole Chinese sentence, so it is shown as it is), and plain words
 * for a secretary where zh_Hans keeps developer jargon (集合, 富文本, Markdown, backend, URL).
 */
export const zhHansAdditions = {
  app: {
    header: { media: '图片' },
    app: {
      errorHeader: '打开内容管理时出错',
      checkConfigYml: '请把这段说明发给负责网站的同志',
      waitingBackend: '正在连接……',
    },
  },
  auth: { loginWithForgejo: '使用 Forgejo 登录' },
  collection: {
    sidebar: { collections: '栏目', allCollections: '全部栏目', searchAll: '在全部栏目中查找' },
    collectionTop: { viewAsList: '列表视图', viewAsGrid: '网格视图' },
    entries: { unpublishedHeader: '未发布的条目' },
  },
  editor: {
    // Decap fills in the widget's code name (list, string…): screen readers would read it out.
    editorControl: { field: { widgetLabel: '填写项' } },
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
      backCollection: '返回“%{collectionLabel}”列表',
      // Said of every saved entry, drafts included: only the 草稿 switch decides what the site shows.
      published: '已保存',
      // An untouched new form has nothing saved yet; an unchanged entry needs no reassurance.
      changesSaved: '',
      statusInfoTooltipDraft: '当前状态为草稿。写完后把状态改为“待审核”，提交审核。',
      statusInfoTooltipInReview: '正在审核，不需要再做什么。审核期间仍可继续修改。',
    },
    editorWidgets: {
      markdown: {
        strikethrough: '删除线',
        linkPrompt: '输入链接的网址',
        richText: '排版',
        markdown: '原文',
        toggleMode: { rich: '切换到排版视图', markdown: '切换到原文视图' },
      },
      image: {
        chooseUrl: '从网址插入',
        replaceUrl: '换成网址',
        promptUrl: '输入图片的网址',
        chooseMultiple: '选择多张图片',
        addMore: '添加更多图片',
        removeAll: '移除全部图片',
      },
      file: {
        chooseUrl: '从网址插入',
        replaceUrl: '换成网址',
        promptUrl: '输入文件的网址',
        chooseMultiple: '选择多个文件',
        addMore: '添加更多文件',
        removeAll: '移除全部文件',
      },
      datetime: { setToNow: '把“%{fieldLabel}”设为现在' },
      list: { addType: '添加%{item}' },
      object: { expand: '展开', collapse: '收起' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: '关闭' } },
  ui: {
    settingsDropdown: { account: '账户选项' },
    toast: {
      // Simple publishing saves the file; whether the site shows it depends on 草稿.
      entryPublished: '内容已保存',
      missingRequiredField: '还不能保存：有的项目没填或填得不对，请按下面的说明改正',
      onBackendDown: '暂时连不上保存内容的服务器：%{details}',
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
  // The review board's cards: dayjs runs in its English locale, so 'MMMM D' would read "November 30".
  workflow: {
    workflow: { workflowHeading: '审核与发布', newPost: '新建内容', dateFormat: 'YYYY年M月D日' },
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
