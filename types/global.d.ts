/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time: the target platform. Read only in src/platform. */
    TARO_ENV: 'weapp' | 'h5' | string
    /** CloudBase environment ID for the weapp build (from .env files). */
    TARO_APP_CLOUD_ENV?: string
    /** Base URL of the local emulator for the H5 build; empty means same origin. */
    TARO_APP_API_BASE?: string
  }
}
