import { View, Text } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { PRIVACY_AGREE_BUTTON_ID, answerPrivacy, openPrivacyContract, reportPrivacyShown, watchPrivacy } from '@/platform/privacy'
import { PRIVACY_COPY } from './copy'
import './index.scss'

/** What the popup says on a page that uses the camera or files for something else than id photos. */
export interface PrivacyPopupText {
  body: string
  items: readonly string[]
}

/**
 * The privacy popup WeChat asks for before the first camera or album use. Put it on every page that
 * opens the camera or the album; it stays hidden until WeChat asks (never on H5).
 */
export function PrivacyPopup({ text = PRIVACY_COPY }: { text?: PrivacyPopupText }) {
  const [visible, setVisible] = useState(false)

  useEffect(() => watchPrivacy(() => setVisible(true)), [])
  useEffect(() => {
    if (visible) reportPrivacyShown()
  }, [visible])

  const answer = (agreed: boolean) => {
    answerPrivacy(agreed)
    setVisible(false)
  }

  return (
    <Popup visible={visible} position='bottom' round closeOnOverlayClick={false} onClose={() => answer(false)}>
      <View className='privacy-popup' data-testid='privacy-popup'>
        <Text className='privacy-popup__title'>{PRIVACY_COPY.title}</Text>
        <Text className='privacy-popup__body'>{text.body}</Text>
        {text.items.map((item) => (
          <Text key={item} className='privacy-popup__item'>
            · {item}
          </Text>
        ))}
        <Text className='privacy-popup__link' onClick={openPrivacyContract}>
          {PRIVACY_COPY.guideLink}
        </Text>
        <View className='privacy-popup__actions'>
          <Button id={PRIVACY_AGREE_BUTTON_ID} type='primary' size='large' block openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answer(true)}>
            {PRIVACY_COPY.agree}
          </Button>
          <Button size='large' block onClick={() => answer(false)}>
            {PRIVACY_COPY.disagree}
          </Button>
        </View>
      </View>
    </Popup>
  )
}
