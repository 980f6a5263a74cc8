import { View, Text } from '@tarojs/components'
import { Button, Radio } from '@nutui/nutui-react-taro'
import { ImageRectangle, Photograph } from '@nutui/icons-react-taro'
import { useEffect, useMemo, useState } from 'react'
import { RECEIPT_COVERAGE, officePhotoWays, receiptOffered } from '@/domain/order/receipt-coverage'
import { backgroundsOf, withBackground } from '@/domain/photo/backgrounds'
import { OFFERED_CATALOGUE, catalogueNotes, catalogueReceiptDocument, photoSpecById } from '@/domain/photo/catalogue'
import { DOCUMENT_TYPES, resolveSpec } from '@/domain/photo/specs'
import type { DocumentType, SpecShape } from '@/domain/photo/spec.types'
import { allProvinces, cityByCode, cityLabel, type City } from '@/domain/region'
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

/** Type and city said once, as chosen before (the receipt page, or the order being resubmitted), with 修改 unless locked. */
function ChosenSummary({ documentType, city, locked, onChange }: { documentType: DocumentType; city: City; locked: boolean; onChange: () => void }) {
  const title = DOCUMENT_TYPES.find((d) => d.type === documentType)?.title ?? documentType
  return (
    <View className='idp__chosen' data-testid='chosen-summary' data-locked={String(locked)}>
      <View className='idp__chosen-text'>
        <Text className='idp__chosen-label'>{COPY.index.chosenTitle}</Text>
        <Text className='idp__chosen-value' data-testid='chosen-document'>
          {title}
        </Text>
        <Text className='idp__chosen-value' data-testid='city-value'>
          {cityLabel(city)}
        </Text>
        {locked && <Text className='idp__chosen-note'>{COPY.index.resubmitLocked}</Text>}
      </View>
      {!locked && (
        <Button size='large' fill='outline' onClick={onChange} data-testid='chosen-change'>
          {COPY.index.change}
        </Button>
      )}
    </View>
  )
}

/** Both type and city are chosen, and (for the summary) they came with the link. */
const chosenWithLink = (documentType: DocumentType | undefined, city: City | undefined, fromLink: boolean): boolean => !!documentType && !!city && fromLink

/** 拍照 and 从相册选择, behind the privacy consent. */
function CaptureActions({ returnTo, title, ready, onTake, onAlbum }: { returnTo: string; title: string; ready: boolean; onTake: () => void; onAlbum: () => void }) {
  return (
    <ConsentGate returnTo={returnTo}>
      <View className='idp__section idp__actions'>
        <Text className='idp__section-title'>{title}</Text>
        {!ready && <Text className='idp__need'>{COPY.index.needChoice}</Text>}
        <Button type='primary' size='xlarge' block disabled={!ready} icon={<Photograph size={24} />} onClick={onTake} data-testid='take-photo'>
          {COPY.index.takePhoto}
        </Button>
        <Button size='xlarge' block disabled={!ready} icon={<ImageRectangle size={24} />} onClick={onAlbum} data-testid='choose-album'>
          {COPY.index.chooseAlbum}
        </Button>
      </View>
    </ConsentGate>
  )
}

/** The spec the photo is made to, and the background where the spec lets the user choose. */
function SpecSection(p: { spec: SpecShape; national: boolean; backgrounds: ReturnType<typeof backgroundsOf>; chosen?: string; onChoose: (name: string) => void }) {
  return (
    <View className='idp__section'>
      <Text className='idp__section-title'>{COPY.index.specTitle}</Text>
      <SpecSummary spec={withBackground(p.spec, p.chosen) ?? p.spec} note={p.national ? COPY.index.specNationalNote : undefined} />
      <CatalogueReceiptNote specId={p.spec.id} />
      {catalogueNotes(p.spec.id).map((n) => (
        <Text key={n} className='idp__city-hint' data-testid='catalogue-note'>
          {n}
        </Text>
      ))}
      {p.backgrounds.length > 1 && (
        <View className='idp__backgrounds'>
          <Text className='idp__section-title'>{COPY.index.backgroundTitle}</Text>
          <View className='idp__swatches' data-testid='backgrounds'>
            {p.backgrounds.map((b) => (
              <View
                key={b.name}
                className={`idp__swatch${b.name === p.chosen ? ' idp__swatch--on' : ''}`}
                onClick={() => p.onChoose(b.name)}
                data-testid={`background-${b.name}`}
                data-selected={b.name === p.chosen}
              >
                <View className='idp__swatch-color' style={{ backgroundColor: `rgb(${b.rgb.join(',')})` }} />
                <Text>{b.name}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}

function IdPhotoChoicePage() {
  const query = usePageQuery()
  const [documentType, setDocumentType] = useState<DocumentType | undefined>(() => (isDocumentType(query.documentType) ? query.documentType : undefined))
  const [city, setCity] = useState<City | undefined>(() => (query.cityCode ? cityByCode(query.cityCode) : undefined))
  /** A resubmission keeps the paid order's type and city: the server would refuse another, so the page offers none. */
  const locked = !!query.resubmitOrderId
  /** Type and city came with the link: show them once as a summary, and the capture buttons right below. */
  const [editing, setEditing] = useState(false)
  const summarized = !editing && chosenWithLink(documentType, city, locked || isDocumentType(query.documentType))
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
  const national = chosenWithLink(documentType, city, true) && resolveSpec(documentType!, city!.code).region.level === 'national'

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

  const capture = (
    <CaptureActions
      returnTo={choiceUrl({ documentType, cityCode: city?.code, resubmitOrderId: query.resubmitOrderId })}
      title={summarized ? COPY.index.captureTitle : COPY.index.startTitle}
      ready={ready}
      onTake={() => spec && openPage(captureUrl(spec.id))}
      onAlbum={chooseAlbum}
    />
  )
  const specSection = spec && <SpecSection spec={spec} national={national} backgrounds={backgrounds} chosen={chosenBackground} onChoose={setBackground} />

  if (summarized && documentType && city) {
    return (
      <View className='idp' data-testid='choice-summarized'>
        <PrivacyPopup />
        <View className='idp__section'>
          <ChosenSummary documentType={documentType} city={city} locked={locked} onChange={() => setEditing(true)} />
          <ReceiptCoverageNote documentType={documentType} city={city} />
        </View>
        {capture}
        {specSection}
        <View className='idp__section'>
          <ShootingRules />
        </View>
      </View>
    )
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

      {specSection}

      <View className='idp__section'>
        <ShootingRules />
      </View>

      {capture}
    </View>
  )
}

export default pageRoot(IdPhotoChoicePage)
