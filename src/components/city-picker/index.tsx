import { Text } from '@tarojs/components'
import { Cascader, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { useMemo, useState } from 'react'
import { cityByCode, cityLabel, type City, type Province } from '@/domain/region'
import './index.scss'

/** What the picker says; each feature passes its own words from its copy file. */
export interface CityPickerLabels {
  /** The cell's title, e.g. 办理城市. */
  label: string
  /** Shown until a city is chosen, e.g. 请选择. */
  placeholder: string
  /** The cascader's title, e.g. 选择办理城市. */
  pickerTitle: string
}

interface Props {
  provinces: readonly Province[]
  city: City | undefined
  onChange: (city: City) => void
  labels: CityPickerLabels
}

/**
 * Province → city, two levels, so a province alone (广东省) can never be chosen; a municipality's only city is
 * itself. With one city to choose from, the cell just shows it.
 */
export function CityPicker({ provinces, city, onChange, labels }: Props) {
  const [open, setOpen] = useState(false)
  const options = useMemo(
    () => provinces.map((p) => ({ text: p.name, value: `p${p.code}`, children: p.cities.map((c) => ({ text: c.name, value: c.code })) })),
    [provinces],
  )
  const only = provinces.length === 1 && provinces[0].cities.length === 1
  return (
    <>
      <CellGroup>
        <Cell
          className='city-picker'
          clickable={!only}
          data-testid='city-cell'
          title={labels.label}
          extra={
            <Text className={city ? 'city-picker__value' : 'city-picker__placeholder'} data-testid='city-value'>
              {city ? cityLabel(city) : labels.placeholder}
              {only ? '' : ' ›'}
            </Text>
          }
          onClick={() => !only && setOpen(true)}
        />
      </CellGroup>
      <Cascader
        className='city-picker__cascader'
        visible={open}
        title={labels.pickerTitle}
        options={options}
        value={city ? [`p${city.provinceCode}`, city.code] : undefined}
        closeable
        onClose={() => setOpen(false)}
        onChange={(value) => {
          const picked = cityByCode(String(value[value.length - 1]))
          if (picked) onChange(picked)
          setOpen(false)
        }}
      />
    </>
  )
}
