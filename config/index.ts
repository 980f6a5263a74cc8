import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Taro build configuration: https://docs.taro.zone/docs/config-detail
 * weapp output goes to dist/weapp (miniprogramRoot in project.config.json), H5 to dist/h5.
 */
/**
 * Units: NutUI is drawn for a 375 px design, as ours is (designWidth), so its px go through pxtransform with ours (rem on
 * H5, rpx on the mini-program) instead of staying px beside our rem text. postcss-text-scale.js then routes every font
 * size through `var(--hz-text)`, the 长辈模式 scale.
 */
const TEXT_SCALE = path.resolve(__dirname, 'postcss-text-scale.js')

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp'
  /** `npm run bench` builds a hello-world with this same configuration from another source and output root. */
  const sourceRoot = process.env.HUIZHI_SOURCE_ROOT ?? 'src'
  const outputRoot = process.env.HUIZHI_OUTPUT_ROOT ?? `dist/${platform}`
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'huizhi',
    date: '2026-11-24',
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot,
    outputRoot,
    /**
     * NutUI renders HTML elements (div, i, button, label); on the mini-program Taro maps them to WXML templates only with
     * @tarojs/plugin-html (NutUI React Taro guide: https://nutui.jd.com/taro/react/2x/#/zh-CN/guide/start-react).
     * weapp-output.ts fails the weapp build on a leftover process.env and fixes dist/weapp/project.config.json.
     */
    plugins: ['@tarojs/plugin-html', path.resolve(__dirname, 'weapp-output.ts')],
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    defineConstants: {},
    copy: {
      patterns: platform === 'weapp' ? [{ from: `${sourceRoot}/sitemap.json`, to: `${outputRoot}/sitemap.json` }] : [],
      options: {},
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      optimizeMainPackage: { enable: true },
      /** NutUI's per-component CSS is order-independent; silence mini-css-extract-plugin's ordering warnings. */
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        [TEXT_SCALE]: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      esnextModules: ['nutui-react'],
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: { enable: true, config: {} },
        [TEXT_SCALE]: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  return merge({}, base, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
