/**
 * Learning cards: short, plain-language pieces a person can read alone ("Learn") or a facilitator
 * can open for the whole circle. Written for Breathing Room; each lists the sources it rests on
 * (WHO, NIMH, NHS or peer-reviewed work). Shipped with the app: nothing is fetched, and the
 * addresses are shown as text to look up, not links the app follows.
 */

export interface CardSource {
  /** title of the page, guide or paper */
  readonly title: string;
  /** who published it (and, for a paper, where) */
  readonly publisher: string;
  readonly year: number;
  /** where to find it, shown as text */
  readonly where: string;
}

export interface LearningCard {
  readonly id: string;
  readonly title: string;
  /** one line for the list */
  readonly summary: string;
  /** short paragraphs, read in order */
  readonly body: readonly string[];
  readonly sources: readonly CardSource[];
}

const NHS = "NHS (UK)";
const NIMH = "National Institute of Mental Health (US)";
const WHO = "World Health Organization";
const WHO_DWM: CardSource = {
  title: "Doing What Matters in Times of Stress: an illustrated guide",
  publisher: WHO,
  year: 2020,
  where: "who.int/publications/i/item/9789240003927",
};

export const LEARNING_CARDS = [
  {
    id: "anxiety-body",
    title: "What anxiety does in the body",
    summary: "Why your heart races and your breath speeds up — and why it passes.",
    body: [
      "Anxiety starts an old alarm in the body, often called fight or flight. Stress hormones such as adrenaline make the heart beat faster, breathing quicker and muscles tense, ready to act.",
      "You may notice a racing heart, a tight chest, butterflies or nausea, sweating, shaking, or feeling on edge and unable to settle.",
      "These feelings are unpleasant but they are the body doing its job, and they pass. Anxiety is very common: anxiety disorders are the most common mental health conditions in the world.",
      "If anxiety is there most days, or stops you doing things, talk to a doctor: talking therapies and other treatments help.",
    ],
    sources: [
      { title: "Anxiety disorders (fact sheet)", publisher: WHO, year: 2023, where: "who.int/news-room/fact-sheets/detail/anxiety-disorders" },
      { title: "Anxiety Disorders", publisher: NIMH, year: 2024, where: "nimh.nih.gov/health/topics/anxiety-disorders" },
      { title: "Generalised anxiety disorder in adults", publisher: NHS, year: 2023, where: "nhs.uk/mental-health/conditions/generalised-anxiety-disorder/overview" },
    ],
  },
  {
    id: "stress",
    title: "Stress: a short guide",
    summary: "What stress is, when it helps, and when it needs attention.",
    body: [
      "Stress is how body and mind respond to pressure or a threat. A little can help you focus and get through a hard moment.",
      "When stress goes on for weeks it can show up as poor sleep, headaches, an upset stomach, irritability, trouble concentrating, or eating or drinking more or less than usual.",
      "Things that help: keep a daily routine, move your body, spend time with people you trust, break problems into small steps, and take short breaks to breathe slowly.",
      "If stress makes it hard to get through the day for more than a couple of weeks, it is worth talking to a doctor.",
    ],
    sources: [
      { title: "Stress (questions and answers)", publisher: WHO, year: 2023, where: "who.int/news-room/questions-and-answers/item/stress" },
      { title: "I'm So Stressed Out! Fact Sheet", publisher: NIMH, year: 2022, where: "nimh.nih.gov/health/publications/so-stressed-out-fact-sheet" },
      { title: "Stress", publisher: NHS, year: 2022, where: "nhs.uk/mental-health/feelings-symptoms-behaviours/feelings-and-symptoms/stress" },
    ],
  },
  {
    id: "slow-breathing",
    title: "Why slow breathing helps",
    summary: "A longer, slower out-breath tells the body it is safe to settle.",
    body: [
      "Breathing is one part of the body's alarm system you can steer on purpose. Breathing slowly, with a long out-breath, engages the body's calming branch of the nervous system.",
      "In studies, slow breathing — around six breaths a minute — goes with a steadier heart rhythm and feeling calmer and more alert. In one trial, five minutes a day of breathing with long out-breaths lifted mood more than the same time of mindfulness meditation.",
      "Breathe gently through your nose if you can, and never force it. If you feel dizzy or light-headed, stop and breathe normally.",
    ],
    sources: [
      { title: "Breathing exercises for stress", publisher: NHS, year: 2022, where: "nhs.uk/mental-health/self-help/guides-tools-and-activities/breathing-exercises-for-stress" },
      {
        title: "How breath-control can change your life: a systematic review on psycho-physiological correlates of slow breathing",
        publisher: "Zaccaro A. et al., Frontiers in Human Neuroscience 12:353",
        year: 2018,
        where: "doi.org/10.3389/fnhum.2018.00353",
      },
      {
        title: "Brief structured respiration practices enhance mood and reduce physiological arousal",
        publisher: "Balban M.Y. et al., Cell Reports Medicine 4(1):100895",
        year: 2023,
        where: "doi.org/10.1016/j.xcrm.2022.100895",
      },
    ],
  },
  {
    id: "grounding",
    title: "Grounding: coming back to now",
    summary: "Simple ways to steady yourself when feelings are strong.",
    body: [
      "When thoughts and feelings are strong, it can feel like being caught in a storm. Grounding means noticing what you feel, then gently bringing your attention back to your body and the room around you.",
      "Try it: slowly press your feet into the floor. Straighten your back. Breathe out slowly. Then notice five things you can see, four you can hear, three you can touch, two you can smell and one you can taste.",
      "The difficult feelings may still be there, and that is all right. You are making room to choose what to do next.",
    ],
    sources: [
      WHO_DWM,
      { title: "Panic disorder: self-help", publisher: NHS, year: 2023, where: "nhs.uk/mental-health/conditions/panic-disorder" },
    ],
  },
  {
    id: "unhooking",
    title: "Unhooking from difficult thoughts",
    summary: "You are not your thoughts: notice them, name them, let them be.",
    body: [
      "Minds produce a stream of thoughts, and some of them hook us: 'I'm useless', 'something terrible will happen'. Arguing with them often pulls us in further.",
      "Instead, notice the thought and name it: 'I'm having the thought that I'm useless', or simply 'here is worry'. Naming puts a little space between you and the thought.",
      "Then turn your attention back to what you are doing and the people around you. The thought may come back; you can unhook again, as many times as you need.",
    ],
    sources: [WHO_DWM],
  },
  {
    id: "sleep",
    title: "Sleep when your mind is busy",
    summary: "Habits that make sleep more likely, and when to get help.",
    body: [
      "Worry and low mood often disturb sleep, and poor sleep makes both harder. Small habits help.",
      "Go to bed and get up at about the same times, even at weekends. Wind down for an hour: dim lights, put screens away, do something calm. Keep the bedroom dark, quiet and cool. Avoid caffeine late in the day, and alcohol and heavy meals close to bedtime.",
      "If you cannot sleep, get up, do something quiet in dim light, and go back to bed when you feel sleepy.",
      "If poor sleep goes on for three months or more, or affects your days, talk to a doctor: a talking therapy for sleep (CBT-I) helps many people.",
    ],
    sources: [
      { title: "Insomnia", publisher: NHS, year: 2024, where: "nhs.uk/conditions/insomnia" },
      { title: "How to fall asleep faster and sleep better (Every Mind Matters)", publisher: NHS, year: 2023, where: "nhs.uk/every-mind-matters/mental-wellbeing-tips/how-to-fall-asleep-faster-and-sleep-better" },
    ],
  },
  {
    id: "panic",
    title: "Panic attacks",
    summary: "They feel frightening, but they pass and they are not dangerous.",
    body: [
      "A panic attack is a sudden rush of intense fear with strong body feelings: a pounding heart, breathlessness, shaking, sweating, dizziness, or a feeling of losing control or dying.",
      "Most panic attacks last between 5 and 20 minutes. They are not dangerous and will pass. During one, stay where you are if you can, breathe slowly, and remind yourself that the feelings are anxiety and will fade.",
      "If you have chest pain or trouble breathing for the first time, get medical help to rule out other causes. If attacks keep coming, talk to a doctor: treatment works well.",
    ],
    sources: [
      { title: "Panic disorder", publisher: NHS, year: 2023, where: "nhs.uk/mental-health/conditions/panic-disorder" },
      { title: "Panic Disorder: When Fear Overwhelms", publisher: NIMH, year: 2022, where: "nimh.nih.gov/health/publications/panic-disorder-when-fear-overwhelms" },
    ],
  },
  {
    id: "low-mood",
    title: "Low mood and depression",
    summary: "Everyone has low days. When it lasts, it has a name — and help works.",
    body: [
      "Feeling sad or flat for a while after a loss or a hard time is part of life, and usually lifts within days or a couple of weeks.",
      "Depression is more than that: feeling low, empty or without interest in things most of the day, nearly every day, for at least two weeks, often with changes in sleep, appetite and energy, trouble concentrating, or feeling worthless.",
      "Depression is common and treatable with talking therapies, medicine, or both. It is not a weakness and not your fault. A doctor is a good first step.",
    ],
    sources: [
      { title: "Depressive disorder (depression) (fact sheet)", publisher: WHO, year: 2023, where: "who.int/news-room/fact-sheets/detail/depression" },
      { title: "Depression", publisher: NIMH, year: 2024, where: "nimh.nih.gov/health/topics/depression" },
      { title: "Low mood, sadness and depression", publisher: NHS, year: 2023, where: "nhs.uk/mental-health/feelings-symptoms-behaviours/feelings-and-symptoms/low-mood-sadness-depression" },
    ],
  },
  {
    id: "wellbeing-steps",
    title: "Five steps to mental wellbeing",
    summary: "Small, everyday things that support how you feel.",
    body: [
      "Connect with other people: a call, a walk, a meal together.",
      "Be physically active: any movement you enjoy, at your own pace.",
      "Learn something new: a recipe, a skill, a few pages of a book.",
      "Give to others: a kind word, a thank you, some help or time.",
      "Pay attention to the present moment: your breath, your body, the world around you.",
      "None of these replaces treatment when you need it, but together they help many people feel steadier.",
    ],
    sources: [{ title: "5 steps to mental wellbeing", publisher: NHS, year: 2022, where: "nhs.uk/mental-health/self-help/guides-tools-and-activities/five-steps-to-mental-wellbeing" }],
  },
  {
    id: "reaching-out",
    title: "Reaching out",
    summary: "Telling someone is a strong step, not a weak one.",
    body: [
      "When you are struggling, it can feel easier to keep it to yourself. Talking to someone you trust — a friend, family member, doctor or helpline — often makes a difficult feeling lighter and help easier to find.",
      "You do not need the right words. 'I'm not doing well and I'd like to talk' is enough. It can help to write down what you want to say before seeing a doctor.",
      "If you feel you cannot keep yourself safe, that is an emergency: call your emergency number or a crisis line now. Breathing Room's 'Need help now?' lists them.",
    ],
    sources: [
      { title: "Where to get urgent help for mental health", publisher: NHS, year: 2024, where: "nhs.uk/nhs-services/mental-health-services/where-to-get-urgent-help-for-mental-health" },
      { title: "Tips for Talking With a Health Care Provider About Your Mental Health", publisher: NIMH, year: 2023, where: "nimh.nih.gov/health/publications/tips-for-talking-with-your-health-care-provider" },
    ],
  },
  {
    id: "helping-a-friend",
    title: "When a friend is struggling",
    summary: "Ask, listen, stay with them, help them find support.",
    body: [
      "Ask how they are, and listen more than you talk. You do not have to fix anything.",
      "If you are worried they might be thinking of suicide, ask them directly. Research shows that asking does not put the idea in someone's head, and it can bring relief.",
      "Help keep them safe: if they are in danger now, call the emergency number and stay with them. Help them connect with a crisis line, a doctor or someone they trust.",
      "Stay in touch afterwards. A message a few days later tells them they matter.",
    ],
    sources: [
      { title: "5 Action Steps to Help Someone Having Thoughts of Suicide", publisher: NIMH, year: 2024, where: "nimh.nih.gov/health/publications/5-action-steps-to-help-someone-having-thoughts-of-suicide" },
      {
        title: "Does asking about suicide and related behaviours induce suicidal ideation? What is the evidence?",
        publisher: "Dazzi T. et al., Psychological Medicine 44(16):3361–3363",
        year: 2014,
        where: "doi.org/10.1017/S0033291714001299",
      },
    ],
  },
  {
    id: "myths-facts",
    title: "Myths and facts about mental illness",
    summary: "Common beliefs, and what the evidence says.",
    body: [
      "Myth: mental illness is rare. Fact: in 2019 about one in eight people in the world was living with a mental health condition.",
      "Myth: it is a sign of weakness. Fact: it comes from a mix of life events, stress, biology and circumstances — it can happen to anyone.",
      "Myth: people do not get better. Fact: with support and treatment, many people recover or live well.",
      "Myth: people with mental illness are dangerous. Fact: they are far more likely to be harmed by others than to harm anyone.",
    ],
    sources: [
      { title: "Mental disorders (fact sheet)", publisher: WHO, year: 2022, where: "who.int/news-room/fact-sheets/detail/mental-disorders" },
      {
        title: "Perpetration of violence, violent victimization, and severe mental illness: balancing public health concerns",
        publisher: "Choe J.Y., Teplin L.A., Abram K.M., Psychiatric Services 59(2):153–164",
        year: 2008,
        where: "doi.org/10.1176/ps.2008.59.2.153",
      },
    ],
  },
  {
    id: "peer-support",
    title: "What peer support is — and is not",
    summary: "People with lived experience supporting each other, as equals.",
    body: [
      "Peer support is people who have been through similar things listening to and encouraging each other. Nobody is the expert on your life: everyone shares from their own experience, and everyone can choose to just listen.",
      "Studies of peer support find it can bring hope, a sense of belonging and feeling understood.",
      "It is not therapy, diagnosis, medical advice or a crisis service. The facilitator keeps the circle safe and can point you to help, but cannot treat you. If you are in crisis, use 'Need help now?' or call your emergency number.",
    ],
    sources: [
      { title: "Guidance on community mental health services: promoting person-centred and rights-based approaches", publisher: WHO, year: 2021, where: "who.int/publications/i/item/9789240025707" },
      {
        title: "A review of the literature on peer support in mental health services",
        publisher: "Repper J., Carter T., Journal of Mental Health 20(4):392–411",
        year: 2011,
        where: "doi.org/10.3109/09638237.2011.583947",
      },
    ],
  },
  {
    id: "urgent-help",
    title: "When it is an emergency",
    summary: "If you might act on thoughts of ending your life, get help now.",
    body: [
      "If you have harmed yourself badly, or feel you might act on thoughts of ending your life, call your emergency number or go to the nearest emergency department now.",
      "If you are not in immediate danger but need to talk, a crisis line is there day and night. 'Need help now?' shows the lines for your region.",
      "Thoughts of suicide are a sign of great pain, not a flaw, and they can pass. You deserve support.",
    ],
    sources: [
      { title: "Where to get urgent help for mental health", publisher: NHS, year: 2024, where: "nhs.uk/nhs-services/mental-health-services/where-to-get-urgent-help-for-mental-health" },
      { title: "Warning Signs of Suicide", publisher: NIMH, year: 2022, where: "nimh.nih.gov/health/publications/warning-signs-of-suicide" },
    ],
  },
] as const satisfies readonly LearningCard[];

export type CardId = (typeof LEARNING_CARDS)[number]["id"];
export const CARD_IDS = LEARNING_CARDS.map((c) => c.id) as [CardId, ...CardId[]];

export function getCard(id: string): LearningCard | undefined {
  return LEARNING_CARDS.find((c) => c.id === id);
}

/** The text to read aloud: title, then the paragraphs (sources are shown, not read). */
export function cardSpeech(card: LearningCard): string {
  return [card.title, ...card.body].join("\n\n");
}
