import { MediaError, type MediaFailure } from '@/platform/media'

/** Every sentence the id-photo feature shows, in one place for review. */
export const COPY = {
  index: {
    title: '证件照拍摄',
    intro: '按所选证件和城市的官方规格拍一张证件照：自动裁剪、换白底，并逐项检测。',
    documentTitle: '第一步：选择证件类型',
    cityTitle: '第二步：选择办理城市',
    cityPicker: { label: '办理城市', placeholder: '请选择', pickerTitle: '选择办理城市' },
    cityHint: '请选到具体城市，例如“广东省 → 深圳市”。只选省份不能办理。',
    receiptCoverage: (title: string, where: string) => `${title}照片回执只在${where}的城市办理；其他城市也能在这里拍照，保存电子照或打印排版照。`,
    receiptElsewhere: (city: string, title: string, elsewhere: string) => `${city}不受理${title}照片回执。${elsewhere}`,
    noReceiptHere: (city: string) => `${city}不受理这种证件的照片回执，可以保存下面的电子照或打印排版照。`,
    specTitle: '照片规格',
    backgroundTitle: '背景颜色（这种证件可以选）',
    specNationalNote: '该城市没有单独规定，按全国通用规格',
    rulesTitle: '拍摄要求',
    startTitle: '第三步：拍照或选择照片',
    needChoice: '请先选择证件类型和办理城市',
    takePhoto: '拍照',
    chooseAlbum: '从相册选择',
  },
  spec: {
    pixels: '像素尺寸',
    print: '打印尺寸',
    dpi: '分辨率',
    background: '背景颜色',
    fileSize: '文件大小',
    pixelsValue: (w: number, h: number) => `${w} × ${h} 像素`,
    printValue: (w: number, h: number) => `${w} × ${h} 毫米`,
    dpiValue: (dpi: number) => `${dpi} DPI`,
  },
  /** The shooting rules, shown before and during capture. */
  rules: ['表情自然、五官完整可见', '露出双耳和眉毛', '不戴耳环、项链、帽子、发卡', '脸部无阴影、无反光', '面向窗户、在自然光下拍摄', '背景不限，白墙最好'],
  capture: {
    title: '拍摄证件照',
    opening: '正在打开相机…',
    guide: '把脸放进椭圆框内，双肩对齐下方弧线',
    shutter: '拍照',
    taking: '正在拍照…',
    album: '从相册选择',
    systemCamera: '用手机相机拍照',
    openSettings: '去设置打开相机权限',
    retryPrivacy: '重新授权',
    deniedTitle: '没有相机权限',
    deniedWithSettings: '您没有允许“回执”使用相机。可以去设置里打开相机权限，也可以从相册选择照片。',
    deniedInBrowser: '您没有允许网页使用相机。可以在浏览器地址栏左侧的权限设置里允许相机，或用手机相机拍照、从相册选择照片。',
    unavailableTitle: '无法打开相机',
    unavailable: '这台设备暂时打不开相机。可以用手机相机拍照，或从相册选择照片。',
    privacyTitle: '需要您的同意',
    privacy: '同意隐私保护提示后才能使用相机。也可以从相册选择照片。',
  },
  preview: {
    title: '照片检测',
    checking: '正在检测照片…',
    wait: '大约需要 5–10 秒，请不要离开本页',
    steps: [
      { title: '整理照片', description: '转正方向、压缩大小' },
      { title: '上传照片', description: '加密上传，仅用于制作证件照' },
      { title: '裁剪、换底并逐项检测', description: '按规格裁剪、换背景，逐项检查' },
    ],
    failedTitle: '检测没有完成',
    retry: '重试',
    passedNotice: '照片已通过全部检测，可以继续办理',
    warningNotice: (n: number) => `有 ${n} 项提示，请查看后决定是否使用这张照片`,
    blockedNotice: '照片不符合要求，请按下面的提示重新拍摄或重新选择照片',
    noPhoto: '没有得到可用的证件照',
    printSize: (w: number, h: number) => `按打印尺寸 ${w} × ${h} 毫米的比例显示`,
    facts: {
      pixels: '像素',
      dpi: '分辨率',
      size: '文件大小',
    },
    kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
    checksTitle: '逐项检测结果',
    measured: (value: string) => `测得 ${value}`,
    notMeasured: '未能测量',
    limit: (limit: string) => `要求 ${limit}`,
    passed: '通过',
    failed: '不通过',
    warning: '提示',
    accept: '我已知晓以上提示，仍使用这张照片',
    continue: '继续办理回执',
    retake: '重新拍摄',
    reselect: '重新选择',
    missingPhoto: '没有找到要检测的照片，请重新拍摄或重新选择',
    unknownSpec: '没有找到这个证件规格，请返回重新选择证件类型和城市',
    backToChoice: '返回重新选择',
    productsTitle: '电子照和排版照',
    productsIntro: (w: number, h: number, dpi: number) => `电子照就是上面这张 ${w}×${h} 像素、${dpi} DPI 的照片，可直接上传到办事网站；排版照可拿去冲印。`,
    saveElectronic: '保存电子照',
    printSheet: '制作排版照（冲印用）',
    /** The photo function is not deployed (or not registered in the emulator yet). */
    serviceMissing: '照片检测服务暂未开通，请稍后再试',
  },
  /** Saving the electronic photo or a print sheet, on both pages. */
  save: {
    saving: '正在保存…',
    saved: '已保存到相册',
    downloaded: '已开始下载，请在下载文件夹中查看',
    retry: '重新保存',
    openSettings: '去设置允许保存到相册',
    denied: '没有“保存到相册”的权限。请点“去设置允许保存到相册”，打开“添加到相册”后再点“重新保存”。',
    privacy: '需要先同意隐私保护提示，才能把照片保存到相册。请点“重新保存”，在弹出的提示中选择“同意并继续”。',
    failed: '保存没有完成，请检查网络后点“重新保存”。',
  },
  print: {
    title: '排版照',
    intro: '把证件照排在一张相纸上，冲印后沿灰色细线剪开即可使用。',
    sheetTitle: '相纸尺寸',
    layoutTitle: '排版方式',
    layoutSpec: (title: string, w: number, h: number) => `${title}（${w}×${h} 毫米）`,
    layoutMixed: '一寸 + 二寸混排',
    making: '正在排版…',
    copies: (n: number) => `共 ${n} 张`,
    copyLine: (title: string, n: number, w: string, h: string) => `${title} ${n} 张，每张 ${w}×${h} 毫米`,
    sheetPixels: (w: number, h: number, dpi: number) => `整张 ${w}×${h} 像素，${dpi} DPI`,
    printTip: '冲印或打印时请选“原始尺寸 / 100%”，不要选“适应纸张”，否则尺寸会变。',
    save: '保存排版照',
    missing: '没有找到要排版的照片，请先拍摄并通过检测',
    back: '返回拍照',
  },
} as const

/** What to tell people when the camera or the album gave no photo. `cancelled` says nothing. */
export const MEDIA_FAILURE: Record<Exclude<MediaFailure, 'cancelled'>, string> = {
  denied: '没有相机或相册权限，请在设置中允许后重试',
  privacy: '需要同意隐私保护提示后才能使用相机和相册',
  unavailable: '暂时无法使用相机或相册，请稍后重试',
  unreadable: '照片读取失败，请重新拍摄或换一张照片',
}

/** The sentence for a camera or album failure, or undefined when the user simply cancelled. */
export function mediaFailureMessage(error: unknown): string | undefined {
  if (!(error instanceof MediaError)) return MEDIA_FAILURE.unavailable
  const { reason } = error
  return reason === 'cancelled' ? undefined : MEDIA_FAILURE[reason]
}
