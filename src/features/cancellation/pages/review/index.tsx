import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Tips } from '@nutui/icons-react-taro'
import { useState } from 'react'
import type { ApplicationView } from '@/domain/cancellation/cancellation.view'
import { AppError } from '@/domain/errors'
import { EmptyState, RemoteView } from '@/components/status-view'
import { useAction } from '@/hooks/use-action'
import { useRemote } from '@/hooks/use-remote'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { askSubscribe } from '@/platform/subscribe'
import { COPY } from '../../copy'
import { getApplication, submitApplication } from '../../api'
import { ApplicationInfo } from '../../components/application-info'
import { MaterialFiles } from '../../components/material-files'
import { detailUrl, editUrl, isApplicationId, materialsUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const R = COPY.review

function Review({ view }: { view: ApplicationView }) {
  const [missing, setMissing] = useState(false)
  const submission = useAction(
    async (consent: ReturnType<typeof askSubscribe>) => {
      const next = await submitApplication(view.applicationId, await consent)
      replacePage(detailUrl(next.applicationId))
    },
    { holdOnSuccess: true, onError: (e) => setMissing(e instanceof AppError && e.code === 'MATERIALS_MISSING') },
  )
  const { busy, error } = submission

  /** Consent to the result notification inside the tap, before any await; then the submission. */
  const submit = () => {
    if (busy) return
    void submission.run(askSubscribe(['application_result']))
  }

  if (!view.canEdit) {
    return (
      <View role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={R.submittedTitle} description={COPY.apply.notEditable} />
        <View className='cx__section'>
          <Button type='primary' size='xlarge' block onClick={() => replacePage(detailUrl(view.applicationId))}>
            {COPY.common.toDetail}
          </Button>
        </View>
      </View>
    )
  }

  return (
    <>
      <View className='cx__hero'>
        <Text className='cx__title'>{R.title}</Text>
        <Text className='cx__intro'>{R.intro}</Text>
      </View>
      <View className='cx__section'>
        <ApplicationInfo view={view} onEdit={() => openPage(editUrl(view.applicationId))} />
      </View>
      <View className='cx__section'>
        <View className='cx__card' data-testid='review-materials'>
          <View className='crv__head'>
            <Text className='cx__card-title'>{R.materialsTitle}</Text>
            <Text className='crv__edit' onClick={() => openPage(materialsUrl(view.applicationId))}>
              {R.edit}
            </Text>
          </View>
          <MaterialFiles files={view.materials} showKind />
          {view.missing.length > 0 && (
            <Text className='cx__warn'>{COPY.materials.missing(view.required.filter((r) => view.missing.includes(r.kind)).map((r) => r.title).join('、'))}</Text>
          )}
        </View>
      </View>
      <View className='cx__section'>
        <Text className='cx__warn crv__originals' data-testid='review-originals'>
          {R.keepOriginals}
        </Text>
      </View>
      <View className='cx__section cx__actions'>
        {error && (
          <View className='cx__error crv__error' role='alert' data-testid='review-error'>
            <Text>{error}</Text>
            {missing && (
              <Button className='crv__fix' type='danger' fill='outline' size='large' block onClick={() => openPage(materialsUrl(view.applicationId))} data-testid='review-to-materials'>
                {R.toMaterials}
              </Button>
            )}
          </View>
        )}
        <Text className='cx__small crv__notify'>{R.notifyHint}</Text>
        <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={submit} data-testid='review-submit'>
          {busy ? R.submitting : view.status === 'rejected' ? R.resubmit : R.submit}
        </Button>
      </View>
    </>
  )
}

function ReviewPage() {
  const { applicationId: raw } = usePageQuery()
  const applicationId = isApplicationId(raw) ? raw : undefined
  /** Back from editing the form or the proofs: show what is saved now. */
  const remote = useRemote(() => (applicationId ? getApplication(applicationId) : Promise.reject(new AppError('VALIDATION_FAILED', COPY.common.missingId))), [applicationId], { reloadOnShow: true })
  return (
    <View className='cx crv'>
      <RemoteView remote={remote} retry={!!applicationId}>
        {remote.data && <Review view={remote.data} />}
      </RemoteView>
    </View>
  )
}

export default pageRoot(ReviewPage)
