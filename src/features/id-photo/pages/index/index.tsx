import { View, Text } from '@tarojs/components'
import { Button, Radio } from '@nutui/nutui-react-taro'
import { ImageRectangle, Photograph } from '@nutui/icons-react-taro'
import { useEffect, useMemo, useState } from 'react'
import { RECEIPT_COVERAGE, officePhotoWays, receiptOffered } from '@/domain/order/receipt-coverage'
import { backgroundsOf, withBackground } from '@/domain/photo/backgrounds'
import { OFFERED_CATALOGUE, catalogueNotes, catalogueReceiptDocument, photoSpecById } from '@/domain/photo/catalogue'
import { DOCUMENT_TYPES, resolveSpec } from '@/domain/photo/specs'
import type { DocumentType } from '@/domain/photo/spec.types'
import { allProvinces, cityByCode, type City } from '@/domain/region'
import { CityPicker } from '@/components/city-picker'
import { ConsentGate } from '@/components/consent-gate'
import { PrivacyPopup } from '@/components/privacy-popup'
import { chooseFromAlbum } from '@/platform/media'
import { showToast } from '@/platform/device'
import { openPage, usePageQuery } from '@/platform/navigation'
import { setChosenBackground, setChosenCity, setResubmitTarget } from '../../hand-off'
import { COPY, mediaFailureMessage } from '../../copy'
import { ShootingRules } from '../../components/shooting-rules'
import { SpecSummary } from '../../components/spec-summary'
import { CustomSizeForm } from '../../components/custom-size-form'
import { setPendingPhoto } from '../../pending-photo'
import { captureUrl, choiceUrl, previewUrl } from '../../routes'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const isDocumentType = (value: string | undefined): value is DocumentType => DOCUMENT_TYPES.some((d) => d.type === value)

/** Before any payment: which cities take this type's receipt, and what a city outside them does instead. */
function ReceiptCoverageNote({ documentType, city }: { documentType: DocumentType; city?: City }) {
  const coverage = RECEIPT_COVERAGE[documentType]
  if (!coverage) return null
  const title = DOCUMENT_TYPES.find((d) => d.type === documentType)?.title ?? ''
  const outside = !!city && !receiptOffered(documentType, city.code)
  return (
    <View className={`idp__coverage${outside ? ' idp__coverage--outside' : ''}`} data-testid='receipt-coverage' data-offered={city ? String(!outside) : undefined}>
      <Text className='idp__coverage-text'>{COPY.index.receiptCoverage(title, coverage.where)}</Text>
      {outside && <Text className='idp__coverage-text'>{COPY.index.receiptElsewhere(city.name, title, officePhotoWays(documentType, city.code).join(''))}</Text>}
    </View>
  )
}

/** Under 护照 or 港澳通行证 in the catalogue: where the 出入境 receipt is taken, and how to order it there. */
function CatalogueReceiptNote({ specId }: { specId: string }) {
  const documentType = catalogueReceiptDocument(specId)
  const coverage = documentType && RECEIPT_COVERAGE[documentType]
  if (!documentType || !coverage) return null
  const title = DOCUMENT_TYPES.find((d) => d.type === documentType)?.title ?? ''
  return (
    <Text className='idp__city-hint' data-testid='catalogue-receipt'>
      {COPY.index.catalogueReceipt(coverage.where, title)}
    </Text>
  )
}

/** 常用尺寸, exam photos and 自定义尺寸: no city, no receipt. */
function CatalogueChooser({ chosen, onChoose }: { chosen?: string; onChoose: (specId: string) => void }) {
  const [customOpen, setCustomOpen] = useState(false)
  const catalogueId = chosen
  const chooseCatalogue = onChoose
  return (
    <View className='idp__section'>
      <Text className='idp__section-title'>{COPY.index.catalogueTitle}</Text>
      <Text className='idp__city-hint'>{COPY.index.catalogueHint}</Text>
      <View className='idp__swatches' data-testid='catalogue'>
        {OFFERED_CATALOGUE.map((s) => (
          <View key={s.id} className={`idp__swatch${s.id === catalogueId ? ' idp__swatch--on' : ''}`} onClick={() => chooseCatalogue(s.id)} data-testid={`catalogue-${s.id}`} data-selected={s.id === catalogueId}>
            <Text>{s.title}</Text>
          </View>
        ))}
        <View className={`idp__swatch${customOpen ? ' idp__swatch--on' : ''}`} onClick={() => setCustomOpen(!customOpen)} data-testid='custom-open'>
          <Text>{COPY.custom.open}</Text>
        </View>
      </View>
      {customOpen && <CustomSizeForm onUse={chooseCatalogue} />}
    </View>
  )
}

function IdPhotoChoicePage() {
  const query = usePageQuery()
  const [documentType, setDocumentType] = useState<DocumentType | undefined>(() => (isDocumentType(query.documentType) ? query.documentType : undefined))
  const [city, setCity] = useState<City | undefined>(() => (query.cityCode ? cityByCode(query.cityCode) : undefined))
  useEffect(() => setResubmitTarget(query.resubmitOrderId), [query.resubmitOrderId])
  useEffect(() => setChosenCity(city?.code), [city])
  const [catalogueId, setCatalogueId] = useState<string>()
  const spec = useMemo(
    () => (catalogueId ? photoSpecById(catalogueId) : documentType ? resolveSpec(documentType, city?.code) : undefined),
    [catalogueId, documentType, city],
  )
  const chooseType = (type: DocumentType) => {
    setCatalogueId(undefined)
    setDocumentType(type)
  }
  const chooseCatalogue = (id: string) => {
    setDocumentType(undefined)
    setCatalogueId(id)
  }
  const ready = !!spec && (!!city || !!catalogueId)
  const backgrounds = useMemo(() => (spec ? backgroundsOf(spec) : []), [spec])
  const [background, setBackground] = useState<string>()
  const chosenBackground = backgrounds.some((b) => b.name === background) ? background : backgrounds[0]?.name
  useEffect(() => setChosenBackground(chosenBackground), [chosenBackground])
  const national = !!documentType && !!city && resolveSpec(documentType, city.code).region.level === 'national'

  const chooseAlbum = () => {
    if (!spec) return
    chooseFromAlbum()
      .then((path) => {
        setPendingPhoto({ path, source: 'album' })
        openPage(previewUrl(spec.id))
      })
      .catch((error: unknown) => {
        const message = mediaFailureMessage(error)
        if (message) void showToast(message)
      })
  }

  return (
    <View className='idp'>
      <PrivacyPopup />
      <View className='idp__hero'>
        <Text className='idp__title'>{COPY.index.title}</Text>
        <Text className='idp__intro'>{COPY.index.intro}</Text>
      </View>

      <View className='idp__section'>
        <Text className='idp__section-title'>{COPY.index.documentTitle}</Text>
        <Radio.Group direction='horizontal' value={documentType ?? ''} onChange={(v) => chooseType(v as DocumentType)} className='idp__types' data-testid='document-types'>
          {DOCUMENT_TYPES.map((d) => (
            <Radio key={d.type} value={d.type} shape='button' className='idp__type' data-testid={`document-${d.type}`}>
              {d.title}
            </Radio>
          ))}
        </Radio.Group>
      </View>

      <CatalogueChooser chosen={catalogueId} onChoose={chooseCatalogue} />

      <View className='idp__section'>
        <Text className='idp__section-title'>{COPY.index.cityTitle}</Text>
        <CityPicker provinces={allProvinces()} city={city} onChange={setCity} labels={COPY.index.cityPicker} />
        <Text className='idp__city-hint'>{COPY.index.cityHint}</Text>
        {documentType && <ReceiptCoverageNote documentType={documentType} city={city} />}
      </View>

      {spec && (
        <View className='idp__section'>
          <Text className='idp__section-title'>{COPY.index.specTitle}</Text>
          <SpecSummary spec={withBackground(spec, chosenBackground) ?? spec} note={national ? COPY.index.specNationalNote : undefined} />
          <CatalogueReceiptNote specId={spec.id} />
          {catalogueNotes(spec.id).map((n) => (
            <Text key={n} className='idp__city-hint' data-testid='catalogue-note'>
              {n}
            </Text>
          ))}
          {backgrounds.length > 1 && (
            <View className='idp__backgrounds'>
              <Text className='idp__section-title'>{COPY.index.backgroundTitle}</Text>
              <View className='idp__swatches' data-testid='backgrounds'>
                {backgrounds.map((b) => (
                  <View
                    key={b.name}
                    className={`idp__swatch${b.name === chosenBackground ? ' idp__swatch--on' : ''}`}
                    onClick={() => setBackground(b.name)}
                    data-testid={`background-${b.name}`}
                    data-selected={b.name === chosenBackground}
                  >
                    <View className='idp__swatch-color' style={{ backgroundColor: `rgb(${b.rgb.join(',')})` }} />
                    <Text>{b.name}</Text>
                  </View>
                ))}
              </View>
            </View>
          )}
        </View>
      )}

      <View className='idp__section'>
        <ShootingRules />
      </View>

      <ConsentGate returnTo={choiceUrl({ documentType, cityCode: city?.code, resubmitOrderId: query.resubmitOrderId })}>
        <View className='idp__section idp__actions'>
          <Text className='idp__section-title'>{COPY.index.startTitle}</Text>
          {!ready && <Text className='idp__need'>{COPY.index.needChoice}</Text>}
          <Button type='primary' size='xlarge' block disabled={!ready} icon={<Photograph size={24} />} onClick={() => spec && openPage(captureUrl(spec.id))} data-testid='take-photo'>
            {COPY.index.takePhoto}
          </Button>
          <Button size='xlarge' block disabled={!ready} icon={<ImageRectangle size={24} />} onClick={chooseAlbum} data-testid='choose-album'>
            {COPY.index.chooseAlbum}
          </Button>
        </View>
      </ConsentGate>
    </View>
  )
}

export default pageRoot(IdPhotoChoicePage)
