import { View, Text } from '@tarojs/components'
import { Button, Popup, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { REJECT_REASONS, type RejectReasonCode } from '@/domain/order/order.view'
import { COPY } from '../copy'
import './reject-sheet.scss'

const CODES = Object.keys(REJECT_REASONS) as RejectReasonCode[]

interface Props {
  visible: boolean
  busy: boolean
  onClose: () => void
  onConfirm: (reasonCode: RejectReasonCode, reasonText: string | undefined) => void
}

/** The reviewer's reason: one coded reason from REJECT_REASONS plus optional free text (required for 其他原因). */
export function RejectSheet({ visible, busy, onClose, onConfirm }: Props) {
  const [code, setCode] = useState<RejectReasonCode>()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    if (!visible) return
    setCode(undefined)
    setText('')
    setProblem(undefined)
  }, [visible])

  const confirm = () => {
    if (!code) return setProblem(COPY.needReason)
    if (code === 'OTHER' && !text.trim()) return setProblem(COPY.rejectTextRequired)
    onConfirm(code, text.trim() || undefined)
  }

  return (
    <Popup visible={visible} position='bottom' round closeable title={COPY.rejectTitle} onClose={onClose}>
      <View className='reject-sheet' data-testid='reject-sheet'>
        <Radio.Group value={code ?? ''} onChange={(v) => setCode(v as RejectReasonCode)} className='reject-sheet__reasons'>
          {CODES.map((c) => (
            <Radio key={c} value={c} shape='button' className='reject-sheet__reason' data-testid={`reject-reason-${c}`}>
              {REJECT_REASONS[c]}
            </Radio>
          ))}
        </Radio.Group>
        <Text className='reject-sheet__label'>{code === 'OTHER' ? COPY.rejectTextRequired : COPY.rejectText}</Text>
        <TextArea className='reject-sheet__text' value={text} onChange={setText} maxLength={100} showCount rows={2} placeholder={COPY.rejectTextPlaceholder} />
        {problem && (
          <View className='reject-sheet__problem' role='alert'>
            {problem}
          </View>
        )}
        <Button type='danger' size='xlarge' block loading={busy} disabled={busy} onClick={confirm} data-testid='reject-confirm'>
          {COPY.rejectConfirm}
        </Button>
      </View>
    </Popup>
  )
}
