/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** Injected by config/index.ts: the CloudBase environment id ('' for the default). */
declare const CLOUD_ENV_ID: string

/** Injected by config/index.ts: subscription-message template ids by kind ('' when not configured). */
declare const TEMPLATE_IDS: { meeting_reminder: string; dues_reminder: string }

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony'
    TARO_APP_ID: string
  }
}
