import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

const platform = process.env.TARO_ENV || 'weapp'

/**
 * H5 only (the mini-program has its own split into common/vendors/subpackages). Taro splits the
 * initial chunks alone, so each page's lazily loaded chunk carried its own copy of NutUI and of
 * our shared code, ~200 KB a page. Splitting every chunk makes NutUI, the other libraries and
 * the code two pages share load once, whichever page comes first. The Taro and React runtime
 * chunk holds only what the entry needs, so the first paint does not wait for Taro parts that
 * only some pages use.
 */
const H5_SPLIT_CHUNKS = {
  chunks: 'all' as const,
  minSize: 0,
  cacheGroups: {
    default: false as const,
    defaultVendors: false as const,
    taro: { name: 'taro', chunks: 'initial' as const, test: /[\\/]node_modules[\\/](@tarojs|react|react-dom|scheduler)[\\/]/, priority: 100 },
    // NutUI's styles load with the runtime, before any page's: our classes on its components
    // override its rules of the same specificity by coming later, as they did inside one page chunk.
    nutuiStyles: { name: 'taro', type: 'css/mini-extract', test: /[\\/]node_modules[\\/]@nutui[\\/]/, priority: 60 },
    nutui: { name: 'nutui', test: /[\\/]node_modules[\\/]@nutui[\\/]/, priority: 50 },
    vendors: { name: 'vendors', test: /[\\/]node_modules[\\/]/, minChunks: 2, priority: 10 },
    common: { name: 'common', minChunks: 2, priority: 1, reuseExistingChunk: true },
  },
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhibutong',
    date: '2026-11-23',
    // One design width for our pages and NutUI's: sizes are written as on a 375 px phone.
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // Each platform builds into its own folder, so a weapp build never wipes the H5 app.
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      // The CloudBase environment id for Taro.cloud.init in the mini-program (empty: the default env).
      CLOUD_ENV_ID: JSON.stringify(process.env.ZHIBU_CLOUD_ENV || ''),
      // Subscription-message template ids (订阅消息 → 我的模板); the remind function reads the same values.
      TEMPLATE_IDS: JSON.stringify({
        meeting_reminder: process.env.ZHIBU_TEMPLATE_MEETING_REMINDER || '',
        dues_reminder: process.env.ZHIBU_TEMPLATE_DUES_REMINDER || '',
      }),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // As in H5: every stylesheet is BEM-scoped, so the order pages happen to import them in is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        chain.optimization.splitChunks(H5_SPLIT_CHUNKS)
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
