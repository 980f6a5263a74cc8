import { View, Text } from '@tarojs/components'
import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { COPY } from '../copy'
import './reason-dialog.scss'

/** The server's rule (RevealInput, RefundInput): a reason of 2 to 100 characters. */
const MIN_REASON = 2
const MAX_REASON = 100

interface Props {
  visible: boolean
  title: string
  placeholder: string
  confirmText: string
  busy: boolean
  /** The server's answer to the last attempt, shown inside the dialog so the operator can try again. */
  error?: string
  /** `<prefix>-reason` on the text field, `<prefix>-confirm` on the button, e.g. reveal-reason / reveal-confirm. */
  testIdPrefix: string
  danger?: boolean
  onCancel: () => void
  onConfirm: (reason: string) => void
}

/** Asks why, before an audited action (showing a photo, refunding an order). */
export function ReasonDialog({ visible, title, placeholder, confirmText, busy, error, testIdPrefix, danger, onCancel, onConfirm }: Props) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    if (!visible) return
    setText('')
    setProblem(undefined)
  }, [visible])

  const confirm = () => {
    const reason = text.trim()
    if (reason.length < MIN_REASON) return setProblem(COPY.reason.tooShort)
    setProblem(undefined)
    onConfirm(reason)
  }
  const shown = problem ?? error

  return (
    <Dialog
      visible={visible}
      title={title}
      className='reason-dialog'
      closeOnOverlayClick={!busy}
      onClose={onCancel}
      onOverlayClick={onCancel}
      footer={
        <View className='reason-dialog__footer'>
          <Button size='large' disabled={busy} onClick={onCancel} data-testid={`${testIdPrefix}-cancel`}>
            {COPY.reason.cancel}
          </Button>
          <Button size='large' type={danger ? 'danger' : 'primary'} loading={busy} disabled={busy} onClick={confirm} data-testid={`${testIdPrefix}-confirm`}>
            {confirmText}
          </Button>
        </View>
      }
    >
      <View className='reason-dialog__body'>
        <TextArea
          className='reason-dialog__text'
          value={text}
          onChange={setText}
          maxLength={MAX_REASON}
          showCount
          rows={3}
          placeholder={placeholder}
          data-testid={`${testIdPrefix}-reason`}
        />
        <Text className='reason-dialog__note'>{COPY.reason.audited}</Text>
        {shown && (
          <View className='reason-dialog__problem' role='alert' data-testid={`${testIdPrefix}-error`}>
            {shown}
          </View>
        )}
      </View>
    </Dialog>
  )
}
