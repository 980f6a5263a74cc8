import { View, Text } from '@tarojs/components'
import { Cell, CellGroup, Grid, Tag } from '@nutui/nutui-react-taro'
import { Lock, Logout, Order, Photograph } from '@nutui/icons-react-taro'
import type { ReactNode } from 'react'
import { SERVICES, SOCIAL_SECURITY_HOTLINE, type ServiceEntry } from '@/domain/services'
import type { Profile } from '@/domain/user/user.schema'
import { CustomerService } from '@/components/customer-service'
import { ElderModeSwitch } from '@/components/elder-mode-switch'
import { pageRoot } from '@/components/page-root'
import { useRemote } from '@/hooks/use-remote'
import { useUnreadBadge } from '@/hooks/use-unread-badge'
import { callFunction } from '@/platform/cloud'
import { currentDevUser, devSwitcherUrl, openDevSwitcher } from '@/platform/device'
import { openPage } from '@/platform/navigation'
import { HOME_COPY } from '../copy'
import './index.scss'

/** The operators' review desk (a subpackage of its own). */
const OPS_DESK = '/features/ops/pages/index/index'
/** The privacy subpackage: the policy and the user's own data. */
const PRIVACY_POLICY = '/features/privacy/pages/policy/index'
const MY_DATA = '/features/privacy/pages/data/index'

const ICONS: Record<ServiceEntry['key'], ReactNode> = {
  receipt: <Photograph size={32} color='#0958d9' />,
  'card-loss': <Lock size={32} color='#fa8c16' />,
  cancellation: <Logout size={32} color='#d4380d' />,
  orders: <Order size={32} color='#389e0d' />,
}

function HomePage() {
  useUnreadBadge()
  const profile = useRemote(() => callFunction<Profile>('user', 'get', undefined, { retries: 2 }))
  const devUser = useRemote(currentDevUser)
  const name = profile.data?.nickname ?? '欢迎使用'

  return (
    <View className='home'>
      {devSwitcherUrl && (
        <View className='home__local' onClick={openDevSwitcher}>
          <Text data-testid='local-user'>{HOME_COPY.localMode(devUser.data && profile.data ? `${devUser.data.name}（${profile.data.accountTag}）` : '…')}</Text>
          {profile.data?.isOperator && <Tag type='warning'>{HOME_COPY.operator}</Tag>}
          <Text className='home__switch'>{HOME_COPY.switchUser}</Text>
        </View>
      )}
      <View className='home__hero'>
        <Text className='home__greeting' data-testid='greeting'>
          {profile.data ? HOME_COPY.greeting(name) : name}
        </Text>
        <Text className='home__tagline'>{HOME_COPY.tagline}</Text>
      </View>

      <View className='home__section'>
        <ElderModeSwitch />
      </View>

      <View className='home__section'>
        <Text className='home__section-title'>{HOME_COPY.servicesTitle}</Text>
        <Grid columns={2} gap={12} className='home__services'>
          {SERVICES.map((s) => (
            <Grid.Item key={s.key} className='home__service' onClick={() => openPage(s.route, s.isTab)} data-testid={`service-${s.key}`}>
              <View className='home__service-icon'>{ICONS[s.key]}</View>
              <Text className='home__service-title'>{s.title}</Text>
              <Text className='home__service-summary'>{s.summary}</Text>
            </Grid.Item>
          ))}
        </Grid>
      </View>

      <View className='home__section home__explainer' data-testid='loss-vs-cancel'>
        <Text className='home__section-title'>{HOME_COPY.explainer.title}</Text>
        <View className='home__compare'>
          <View className='home__compare-col home__compare-col--loss'>
            <Text className='home__compare-title'>{HOME_COPY.explainer.lossTitle}</Text>
            <Text className='home__compare-body'>{HOME_COPY.explainer.lossBody}</Text>
          </View>
          <View className='home__compare-col home__compare-col--cancel'>
            <Text className='home__compare-title'>{HOME_COPY.explainer.cancelTitle}</Text>
            <Text className='home__compare-body'>{HOME_COPY.explainer.cancelBody}</Text>
          </View>
        </View>
        <CellGroup>
          <Cell title={HOME_COPY.explainer.more} clickable onClick={() => openPage(SERVICES[1].route)} extra='›' />
        </CellGroup>
      </View>

      {profile.data?.isOperator && (
        <View className='home__section'>
          <CellGroup>
            <Cell title={HOME_COPY.opsDesk} description={HOME_COPY.opsDeskHint} clickable onClick={() => openPage(OPS_DESK)} extra='›' data-testid='ops-desk' />
          </CellGroup>
        </View>
      )}

      <View className='home__section'>
        <CustomerService hotline={SOCIAL_SECURITY_HOTLINE} />
        <CellGroup className='home__privacy'>
          <Cell title={HOME_COPY.privacy} description={HOME_COPY.privacyHint} clickable onClick={() => openPage(PRIVACY_POLICY)} extra='›' data-testid='home-privacy' />
          <Cell title={HOME_COPY.myData} description={HOME_COPY.myDataHint} clickable onClick={() => openPage(MY_DATA)} extra='›' data-testid='home-data' />
        </CellGroup>
      </View>
    </View>
  )
}

export default pageRoot(HomePage)
