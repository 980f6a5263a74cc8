import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { BACKGROUND_SHADES } from '@/domain/photo/backgrounds'
import { customSizeProblem, customSpecId, pixelsFromMm, type CustomSize } from '@/domain/photo/custom-size'
import { FieldGroup, TextField } from '@/components/text-field'
import { COPY } from '../../copy'
import './index.scss'

type Unit = 'px' | 'mm'

const num = (s: string) => (s.trim() === '' ? NaN : Number(s))

/** 自定义尺寸: pixels or millimetres at a DPI, a KB range and a background; answers the custom spec id to make. */
export function CustomSizeForm({ onUse }: { onUse: (specId: string) => void }) {
  const [unit, setUnit] = useState<Unit>('px')
  const [w, setW] = useState('')
  const [h, setH] = useState('')
  const [dpi, setDpi] = useState('300')
  const [kbMin, setKbMin] = useState('20')
  const [kbMax, setKbMax] = useState('100')
  const [background, setBackground] = useState('白色')
  const d = num(dpi)
  const toPx = (s: string) => (unit === 'mm' ? pixelsFromMm(num(s), d) : num(s))
  const size: CustomSize = { width: toPx(w), height: toPx(h), dpi: d, kbMin: num(kbMin), kbMax: num(kbMax), background }
  const problem = w && h ? customSizeProblem(size) : COPY.custom.needSize
  const C = COPY.custom
  return (
    <View className='custom-size' data-testid='custom-size'>
      <View className='custom-size__chips'>
        {(['px', 'mm'] as const).map((u) => (
          <View key={u} className={`custom-size__chip${u === unit ? ' custom-size__chip--on' : ''}`} onClick={() => setUnit(u)} data-testid={`custom-unit-${u}`}>
            <Text>{C.unit[u]}</Text>
          </View>
        ))}
      </View>
      <FieldGroup>
        <TextField label={C.width(unit)} placeholder={unit === 'px' ? '295' : '25'} value={w} onChange={setW} type='number' maxLength={4} testId='custom-width' />
        <TextField label={C.height(unit)} placeholder={unit === 'px' ? '413' : '35'} value={h} onChange={setH} type='number' maxLength={4} testId='custom-height' />
        <TextField label={C.dpi} placeholder='300' value={dpi} onChange={setDpi} type='number' maxLength={4} testId='custom-dpi' />
        <TextField label={C.kbMin} placeholder='20' value={kbMin} onChange={setKbMin} type='number' maxLength={4} testId='custom-kb-min' />
        <TextField label={C.kbMax} placeholder='100' value={kbMax} onChange={setKbMax} type='number' maxLength={4} testId='custom-kb-max' />
      </FieldGroup>
      <View className='custom-size__chips'>
        {Object.keys(BACKGROUND_SHADES).map((name) => (
          <View key={name} className={`custom-size__chip${name === background ? ' custom-size__chip--on' : ''}`} onClick={() => setBackground(name)} data-testid={`custom-background-${name}`}>
            <Text>{name}</Text>
          </View>
        ))}
      </View>
      <Text className='custom-size__note' data-testid='custom-summary'>
        {problem ?? C.summary(size.width, size.height, size.dpi)}
      </Text>
      <Button type='primary' fill='outline' size='large' block disabled={!!problem} onClick={() => onUse(customSpecId(size))} data-testid='custom-use'>
        {C.use}
      </Button>
    </View>
  )
}
