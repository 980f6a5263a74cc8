import { Text } from '@tarojs/components'
import { Cascader, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { useMemo, useState } from 'react'
import { cityByCode, cityLabel, type City, type Province } from '@/domain/region'
import { COPY } from '../../copy'
import './index.scss'

interface Props {
  provinces: readonly Province[]
  city: City | undefined
  onChange: (city: City) => void
}

/**
 * Province → city, two levels, so a province alone (广东省) can never be chosen; a municipality's only city is
 * itself. With one city to choose from, the cell just shows it.
 */
export function CityPicker({ provinces, city, onChange }: Props) {
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
          title={COPY.start.cityLabel}
          extra={
            <Text className={city ? 'city-picker__value' : 'city-picker__placeholder'} data-testid='city-value'>
              {city ? cityLabel(city) : COPY.start.cityPlaceholder}
              {only ? '' : ' ›'}
            </Text>
          }
          onClick={() => !only && setOpen(true)}
        />
      </CellGroup>
      <Cascader
        className='city-picker__cascader'
        visible={open}
        title={COPY.start.cityPickerTitle}
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
