// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// NutUI components are imported one by one with their CSS (https://nutui.jd.com/taro/react/2x/#/zh-CN/guide/start-react).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      { libraryName: '@nutui/nutui-react-taro', libraryDirectory: 'dist/esm', style: 'css', camel2DashComponentName: false },
      'nutui-react-taro',
    ],
  ],
}
