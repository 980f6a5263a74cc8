import { View, Text } from '@tarojs/components'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { Search } from '@nutui/icons-react-taro'
import { useState } from 'react'
import * as v from 'valibot'
import { SearchInput, type OpsOrderRow } from '@/domain/ops/ops.view'
import { formatInstant } from '@/domain/time'
import { fieldErrors } from '@/domain/validation'
import { orderPhase } from '@/domain/order/order.phase'
import { EmptyState } from '@/components/status-view'
import { tagTypeOf } from '@/components/case-view'
import { openPage } from '@/platform/navigation'
import { COPY } from '../copy'
import { searchOrders } from '../api'
import { opsDetailUrl } from '../routes'
import { useOpsRemote } from '../use-ops-remote'
import { OpsStatus, PanelHead } from './panel'
import './search-panel.scss'

function ResultCard({ row }: { row: OpsOrderRow }) {
  const facts: Array<[string, string]> = [
    [COPY.search.phone, row.phoneMasked],
    [COPY.search.createdAt, formatInstant(row.createdAt)],
    [COPY.search.idNumber, row.idNumberMasked],
  ]
  return (
    <View className='ops-panel__card result' onClick={() => openPage(opsDetailUrl(row.orderId))} data-testid='ops-result' data-order-id={row.orderId} data-status={row.status}>
      <View className='result__top'>
        <Text className='result__name'>{row.applicantName}</Text>
        <Tag type={tagTypeOf(orderPhase(row.status))} background={tagTypeOf(orderPhase(row.status)) === 'default' ? '#8c8c8c' : undefined} className='result__status'>
          {row.statusLabel}
        </Tag>
      </View>
      <Text className='result__what'>
        {row.documentTitle} · {row.cityLabel}
      </Text>
      <View className='result__facts'>
        {facts.map(([label, value]) => (
          <View key={label} className='result__fact'>
            <Text className='ops-panel__label'>{label}</Text>
            <Text className='ops-panel__value'>{value}</Text>
          </View>
        ))}
      </View>
      <View className='result__foot'>
        <Text className='result__id'>{row.orderId}</Text>
        <Text className='result__more'>›</Text>
      </View>
    </View>
  )
}

interface Props {
  /** The last query searched for; kept by the console so coming back to 查询 shows the same results. */
  query: string | undefined
  onSearch: (query: string) => void
}

/** Finds orders by their full id, or by the last 4 digits of the applicant's phone or ID number. */
export function SearchPanel({ query, onSearch }: Props) {
  const [text, setText] = useState(query ?? '')
  const [problem, setProblem] = useState<string>()
  const results = useOpsRemote(() => (query ? searchOrders(query) : Promise.resolve(undefined)), [query])

  const submit = () => {
    const parsed = v.safeParse(SearchInput, { query: text })
    if (!parsed.success) return setProblem(fieldErrors(SearchInput, { query: text }).query)
    setProblem(undefined)
    if (parsed.output.query === query) results.reload()
    else onSearch(parsed.output.query)
  }

  const rows = results.data
  return (
    <View className='search-panel'>
      <PanelHead title={COPY.search.title} />
      <View className='search__form'>
        <Input
          className='search__input'
          name='query'
          type='text'
          confirmType='search'
          maxLength={30}
          clearable
          placeholder={COPY.search.placeholder}
          value={text}
          onChange={setText}
          onConfirm={submit}
          data-testid='ops-search-input'
        />
        <Button type='primary' size='large' className='search__button' icon={<Search size={18} />} onClick={submit} data-testid='ops-search-button'>
          {COPY.search.button}
        </Button>
      </View>
      {problem && (
        <View className='search__problem ops-panel__error' role='alert' data-testid='ops-search-error'>
          {problem}
        </View>
      )}
      {!query ? (
        <EmptyState image={<Search size={64} color='#bfbfbf' />} title={COPY.search.hintTitle} description={COPY.search.hint} />
      ) : (
        <OpsStatus remote={results}>
          {rows && rows.length === 0 && <EmptyState image={<Search size={64} color='#bfbfbf' />} title={COPY.search.empty} description={COPY.search.emptyHint} testId='ops-search-empty' />}
          {rows && rows.length > 0 && (
            <View className='ops-panel__body' data-testid='ops-results'>
              <Text className='ops-panel__note'>{COPY.search.results(rows.length)}</Text>
              {rows.map((row) => (
                <ResultCard key={row.orderId} row={row} />
              ))}
            </View>
          )}
        </OpsStatus>
      )}
    </View>
  )
}
