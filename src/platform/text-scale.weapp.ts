/**
 * The mini-program has no document root a class could go on (each page is its own tree, and `page` takes no class:
 * https://developers.weixin.qq.com/miniprogram/dev/component/page-meta.html). Each page's root view carries the class
 * instead (src/components/page-root); nothing to do here.
 */
export function applyDocumentScale(elder: boolean): void {
  void elder
}
