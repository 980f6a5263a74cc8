import { View, Text } from '@tarojs/components'
import { Button, Dialog, Input } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import * as v from 'valibot'
import { COPY } from '../copy'
import { todayInShanghai, yuanToFen } from '../decision-input'
import './approve-dialog.scss'

/** The server's ceiling for a refund (DecideApplicationInput): 1 亿元, in fen. */
const MAX_REFUND_FEN = 100_000_000_00
const IsoDate = v.pipe(v.string(), v.isoDate())

export interface RefundInput {
  amountFen?: number
  date?: string
}

interface Props {
  visible: boolean
  busy: boolean
  /** The server's answer to the last attempt, shown inside the dialog so the operator can try again. */
  error?: string
  onCancel: () => void
  onConfirm: (refund: RefundInput | undefined) => void
}

/** Checks the two optional fields; a message for the first wrong one, or the refund to send. */
function readRefund(amountText: string, dateText: string): { problem: string } | { refund: RefundInput | undefined } {
  const amountFen = yuanToFen(amountText)
  if (Number.isNaN(amountFen)) return { problem: COPY.application.amountInvalid }
  if (amountFen !== undefined && amountFen > MAX_REFUND_FEN) return { problem: COPY.application.amountTooLarge }
  const date = dateText.trim() || undefined
  if (date && !v.is(IsoDate, date)) return { problem: COPY.application.dateInvalid }
  const refund = { ...(amountFen !== undefined ? { amountFen } : {}), ...(date ? { date } : {}) }
  return { refund: Object.keys(refund).length ? refund : undefined }
}

/** 通过: records the handling office's approval, with the refund amount and date when the operator knows them. */
export function ApproveDialog({ visible, busy, error, onCancel, onConfirm }: Props) {
  const [amount, setAmount] = useState('')
  const [date, setDate] = useState('')
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    if (!visible) return
    setAmount('')
    setDate(todayInShanghai())
    setProblem(undefined)
  }, [visible])

  /** A field the operator changes clears the last complaint about it. */
  const edit = (set: (value: string) => void) => (value: string) => {
    setProblem(undefined)
    set(value)
  }

  const confirm = () => {
    const read = readRefund(amount, date)
    if ('problem' in read) return setProblem(read.problem)
    setProblem(undefined)
    onConfirm(read.refund)
  }
  const shown = problem ?? error

  return (
    <Dialog
      visible={visible}
      title={COPY.application.approveTitle}
      className='approve-dialog'
      closeOnOverlayClick={!busy}
      onClose={onCancel}
      onOverlayClick={onCancel}
      footer={
        <View className='approve-dialog__footer'>
          <Button size='large' disabled={busy} onClick={onCancel} data-testid='ops-app-approve-cancel'>
            {COPY.application.cancel}
          </Button>
          <Button size='large' type='success' loading={busy} disabled={busy} onClick={confirm} data-testid='ops-app-approve-confirm'>
            {COPY.application.approveConfirm}
          </Button>
        </View>
      }
    >
      <View className='approve-dialog__body' data-testid='ops-app-approve-dialog'>
        <Text className='approve-dialog__intro'>{COPY.application.approveIntro}</Text>
        <Text className='approve-dialog__label'>{COPY.application.refundAmountLabel}</Text>
        <Input
          className='approve-dialog__input'
          name='refundAmount'
          type='digit'
          maxLength={12}
          clearable
          placeholder={COPY.application.refundAmountPlaceholder}
          value={amount}
          onChange={edit(setAmount)}
          data-testid='ops-app-refund-amount'
        />
        <Text className='approve-dialog__label'>{COPY.application.refundDateLabel}</Text>
        <Input
          className='approve-dialog__input'
          name='refundDate'
          type='text'
          maxLength={10}
          clearable
          placeholder={COPY.application.refundDatePlaceholder}
          value={date}
          onChange={edit(setDate)}
          data-testid='ops-app-refund-date'
        />
        {shown && (
          <View className='approve-dialog__problem' role='alert' data-testid='ops-app-approve-error'>
            {shown}
          </View>
        )}
      </View>
    </Dialog>
  )
}
