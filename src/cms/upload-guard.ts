/**
 * In the CMS page: every file the secretary picks is looked at before Decap sees it. A file that
 * is not a picture, or is too big, is refused at once with the write path's own Chinese message;
 * a picture gets the readable name the write path will give it (微信图片_2026….png →
 * weixin-tupian-2026….png, 封面.png → fengmian.png), so the entry and the media library show the
 * name that is saved. The write path checks everything again on save.
 */
import {
  MAX_UPLOAD_BYTES,
  notPictureMessage,
  tooBigMessage,
} from '../security/uploads/messages.ts';
import { describeFile, sniffPicture } from '../security/uploads/sniff.ts';
import { showAdminNotice } from './admin-notice.ts';

const CHECKED = 'cmsUploadChecked';

async function prepare(files: readonly File[]) {
  const { uploadName } = await import('../security/uploads/names.ts');
  const accepted: File[] = [];
  const refused: string[] = [];
  for (const file of files) {
    const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
    const type = sniffPicture(head);
    if (!type) refused.push(notPictureMessage(file.name, describeFile(head)));
    else if (file.size > MAX_UPLOAD_BYTES) refused.push(tooBigMessage(file.name, file.size));
    else
      accepted.push(
        new File([file], uploadName(file.name, type), {
          type: file.type,
          lastModified: file.lastModified,
        }),
      );
  }
  return { accepted, refused };
}

export function installUploadGuard(target: Window = window) {
  target.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length)
        return;
      if (input.dataset[CHECKED]) {
        delete input.dataset[CHECKED];
        return;
      }
      // Decap must only see the checked, renamed files: hold the event until they are ready.
      event.stopImmediatePropagation();
      void prepare([...input.files]).then(({ accepted, refused }) => {
        if (refused.length > 0) showAdminNotice('error', '没有上传：', refused);
        if (accepted.length === 0) {
          input.value = '';
          return;
        }
        const files = new DataTransfer();
        for (const file of accepted) files.items.add(file);
        input.files = files.files;
        input.dataset[CHECKED] = '1';
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    },
    true,
  );
}
