import { isIP } from 'node:net';
import { wechatImageFormat } from './rules.ts';

/** Hosts no server on the internet can reach, or that only stand in for a real address. */
function unreachableHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || /\.(?:localhost|local|test|invalid|example|internal|lan)$/.test(host))
    return true;
  if (host.split('.').includes('example')) return true;
  if (isIP(host) === 4)
    return /^(?:127\.|10\.|192\.168\.|169\.254\.|0\.|172\.(?:1[6-9]|2\d|3[01])\.)/.test(host);
  if (isIP(host) === 6) return host === '::1' || /^f[cd]|^fe80/.test(host);
  return false;
}

/**
 * What would go wrong when the article is pasted into the 公众号 editor: it fetches every image
 * (the QR code included) from the address in the HTML and re-hosts it, which only works over https
 * from a host on the internet, and only for JPG, PNG, GIF and BMP.
 */
export function wechatWarnings(siteUrl: string | undefined, images: readonly string[]): string[] {
  const warnings: string[] = [];
  let site: URL | undefined;
  try {
    site = siteUrl ? new URL(siteUrl) : undefined;
  } catch {
    site = undefined;
  }
  if (!site) {
    warnings.push(
      '站点设置里没有填写有效的网站地址（siteUrl）：文中图片和二维码没有完整网址，粘贴到公众号后显示不出来。',
    );
    return warnings;
  }
  if (site.protocol !== 'https:')
    warnings.push(
      `网站地址 ${site.href} 不是 https 开头：公众号后台只能转存 https 网址上的图片，粘贴后图片和二维码会显示不出来。请在站点设置里把网站地址改成 https:// 开头的正式网址。`,
    );
  else if (unreachableHost(site.hostname))
    warnings.push(
      `网站地址 ${site.href} 是本机、内网或示例地址，微信的服务器访问不到：粘贴后图片和二维码会显示不出来。请在站点设置里填写正式网址。`,
    );
  for (const src of images) {
    let url: URL;
    try {
      url = new URL(src);
    } catch {
      warnings.push(`图片地址 ${src} 无法识别，粘贴到公众号后不会显示。`);
      continue;
    }
    if (url.origin !== site.origin)
      warnings.push(
        `图片 ${src} 不在本站（${site.origin}）上，公众号可能无法转存：请把图片上传到媒体库后再用。`,
      );
    else if (!wechatImageFormat(url.pathname))
      warnings.push(
        `图片 ${decodeURI(url.pathname)} 的格式公众号不接收（只收 JPG、PNG、GIF、BMP）：请另存为 JPG 或 PNG 后重新上传。`,
      );
  }
  return warnings;
}
