/**
 * PostCSS plugin: every font size, and every line height given as a literal length, becomes `calc(<size> * var(--hz-text, 1))`,
 * in our styles and NutUI's alike, so one CSS variable scales all text: 1 normally, larger in 长辈模式 (src/app.scss,
 * src/hooks/use-elder-mode.ts). It runs after pxtransform, so the size is already in the page's unit (rem on H5, rpx on
 * the mini-program); `calc()` with `var()` works in WXSS and every browser we list. Unitless line heights, keywords and
 * `em`/`%` sizes (already relative to the scaled parent) are left alone.
 * WeChat's 适老化 guidance (https://developers.weixin.qq.com/miniprogram/design/elderly.html) asks pages to follow a
 * larger font without breaking; scaling every size through one variable is how this app does it.
 */
const LENGTH = /(?:^|[\s(,])-?(?:\d+|\d*\.\d+)(?:px|rpx|rem|PX)\b|var\(/

module.exports = () => ({
  postcssPlugin: 'huizhi-text-scale',
  Declaration(decl) {
    if (decl.prop !== 'font-size' && decl.prop !== 'line-height') return
    if (decl.value.includes('--hz-text') || !LENGTH.test(decl.value)) return
    // A themed line height (NutUI's `var(--nutui-…-line-height, 20px)`) is set unitless in app.scss: it follows the text.
    if (decl.prop === 'line-height' && decl.value.includes('var(')) return
    decl.value = `calc(${decl.value} * var(--hz-text, 1))`
  },
})
module.exports.postcss = true
