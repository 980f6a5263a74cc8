import { View, Text } from '@tarojs/components'
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { COPY } from '../copy'
import './application-reject-sheet.scss'

/** The server's limit on a rejection reason (DecideApplicationInput.reason). */
const MAX_REASON = 200
const SEPARATOR = '；'

/** A preset joins the reason, or leaves it when it is already there. */
function togglePreset(text: string, preset: string): string {
  const parts = text
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean)
  const next = parts.includes(preset) ? parts.filter((p) => p !== preset) : [...parts, preset]
  return next.join(SEPARATOR)
}

interface Props {
  visible: boolean
  busy: boolean
  /** The server's answer to the last attempt, shown inside the sheet so the operator can try again. */
  error?: string
  onClose: () => void
  onConfirm: (reason: string) => void
}

/** 不通过: the reason the user will read, from the common ones as chips and free text; a reason is required. */
export function ApplicationRejectSheet({ visible, busy, error, onClose, onConfirm }: Props) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    if (!visible) return
    setText('')
    setProblem(undefined)
  }, [visible])

  const edit = (next: string) => {
    setProblem(undefined)
    setText(next.slice(0, MAX_REASON))
  }

  const confirm = () => {
    const reason = text.trim()
    if (!reason) return setProblem(COPY.application.reasonRequired)
    setProblem(undefined)
    onConfirm(reason)
  }
  const chosen = text.split(SEPARATOR).map((p) => p.trim())
  const shown = problem ?? error

  return (
    <Popup visible={visible} position='bottom' round closeable={!busy} closeOnOverlayClick={!busy} title={COPY.application.rejectTitle} onClose={onClose}>
      <View className='app-reject' data-testid='ops-app-reject-sheet'>
        <Text className='app-reject__hint'>{COPY.application.rejectPresetHint}</Text>
        <View className='app-reject__presets'>
          {COPY.application.rejectPresets.map((preset) => {
            const on = chosen.includes(preset)
            return (
              <View
                key={preset}
                className={`app-reject__preset${on ? ' app-reject__preset--on' : ''}`}
                onClick={() => edit(togglePreset(text, preset))}
                data-testid='ops-app-reject-preset'
                data-selected={on ? 'true' : 'false'}
                role='checkbox'
                aria-checked={on}
              >
                {preset}
              </View>
            )
          })}
        </View>
        <Text className='app-reject__label'>{COPY.application.rejectLabel}</Text>
        <TextArea
          className='app-reject__text'
          value={text}
          onChange={edit}
          maxLength={MAX_REASON}
          showCount
          rows={3}
          placeholder={COPY.application.rejectPlaceholder}
          data-testid='ops-app-reject-reason'
        />
        {shown && (
          <View className='app-reject__problem' role='alert' data-testid='ops-app-reject-error'>
            {shown}
          </View>
        )}
        <Button type='danger' size='xlarge' block loading={busy} disabled={busy} onClick={confirm} data-testid='ops-app-reject-confirm'>
          {COPY.application.rejectConfirm}
        </Button>
      </View>
    </Popup>
  )
}
