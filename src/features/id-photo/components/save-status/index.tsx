import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { COPY } from '../../copy'
import type { SavePhoto } from '../../use-save-photo'
import './index.scss'

/** Why a save failed and the way out: retry (after the privacy popup or a lost network) or the album setting. */
export function SaveStatus({ state, testId }: { state: SavePhoto; testId: string }) {
  if (!state.error) return null
  return (
    <View className='save-status' role='alert' data-testid={`${testId}-error`}>
      <Text className='save-status__text'>{state.error}</Text>
      {state.showSettings && (
        <Button size='large' block fill='outline' onClick={state.openSettings} data-testid={`${testId}-settings`}>
          {COPY.save.openSettings}
        </Button>
      )}
      <Button size='large' block type='primary' fill='outline' onClick={state.save} data-testid={`${testId}-retry`}>
        {COPY.save.retry}
      </Button>
    </View>
  )
}
