import { View, Text } from '@tarojs/components'
import { PHOTO_SUBJECTS, PHOTO_SUBJECT_LABELS, guidanceFor, type PhotoSubject } from '@/domain/photo/child-guidance'
import { isSourced } from '@/domain/sources/source'
import { COPY } from '../../copy'
import './index.scss'

interface Props {
  subject: PhotoSubject
  onChange: (subject: PhotoSubject) => void
  /** Whose photo it is, when the user started from a 常用办理人 (王小宝). */
  forName?: string
}

/**
 * 拍谁: 大人, 儿童 or 婴儿. For a child or a baby it lists how to shoot them (each line sourced, or marked as our
 * advice) and says that the checks are the spec's own, unchanged.
 */
export function SubjectGuide({ subject, onChange, forName }: Props) {
  const lines = guidanceFor(subject)
  return (
    <View className='subject-guide' data-testid='subject-guide' data-subject={subject}>
      <View className='subject-guide__head'>
        <Text className='subject-guide__title'>{forName ? COPY.subject.titleFor(forName) : COPY.subject.title}</Text>
        <View className='subject-guide__chips'>
          {PHOTO_SUBJECTS.map((s) => (
            <View key={s} className={`subject-guide__chip${s === subject ? ' subject-guide__chip--on' : ''}`} onClick={() => onChange(s)} data-testid={`subject-${s}`}>
              {PHOTO_SUBJECT_LABELS[s]}
            </View>
          ))}
        </View>
      </View>
      {lines.length > 0 && (
        <View className='subject-guide__lines' data-testid={`${subject}-guidance`}>
          {lines.map((line) => (
            <View key={line.text} className='subject-guide__line'>
              <Text className='subject-guide__text'>{line.text}</Text>
              {!isSourced(line.evidence) && <Text className='subject-guide__ref'>{COPY.subject.advice}</Text>}
            </View>
          ))}
          <Text className='subject-guide__note'>{COPY.subject.sameChecks}</Text>
        </View>
      )}
    </View>
  )
}
