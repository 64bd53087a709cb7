import type { CrisisPhraseList } from "../crisisMatch";

/**
 * English phrases that suggest the writer may be in crisis or at risk.
 *
 * Reviewed against:
 * - NIMH, "Warning Signs of Suicide" (OM 22-4316, revised 2022): talking about wanting to die, great
 *   guilt or shame, being a burden; feeling empty, hopeless, trapped, with no reason to live, in
 *   unbearable pain; making a plan, saying goodbye, giving away important items. The sign kinds follow it.
 * - Samaritans, "Guidelines for sites and platforms hosting user-generated content: managing self-harm
 *   and suicide content online" (2020, Online Excellence Programme): a message about self-harm or
 *   suicidal feelings is a chance to offer support — respond promptly and sensitively, signpost to
 *   help, do not simply remove it; tools that detect such content need human review and should err
 *   towards offering support.
 * - Orygen, "#chatsafe: a young person's guide for communicating safely online about self-harm and
 *   suicide" (2nd ed., 2023): take every mention of suicidal thoughts seriously, respond with care
 *   and point to crisis lines; euphemisms such as "unalive" are used online to get past filters.
 * - National Suicide Prevention Alliance with Samaritans, "Responding to suicidal content online:
 *   best-practice guidelines" (2020, for moderators of online communities).
 *
 * Matching is deliberately about the writer's own words ("I want to die"), not the topic ("a card
 * about suicide prevention"), and leans towards offering help: a false alarm costs a gentle offer
 * the writer can close and a private "may need support" a facilitator can mark seen; a miss costs
 * more. The labelled sample in tests/core/care/crisisMatch.test.ts counts both. Left out on purpose:
 * "kms" (also kilometres) and a bare "no point anymore" (too often about something small).
 */
export const EN: CrisisPhraseList = {
  lang: "en",
  reviewed: "2026-11",
  sources: [
    "NIMH — Warning Signs of Suicide (2022): nimh.nih.gov/health/publications/warning-signs-of-suicide",
    "Samaritans — Managing self-harm and suicide content online, guidelines for sites and platforms (2020): samaritans.org/about-samaritans/research-policy/internet-suicide/guidelines-tech-industry",
    "Orygen — #chatsafe: a young person's guide for communicating safely online about self-harm and suicide (2023): orygen.org.au/chatsafe",
    "NSPA and Samaritans — Responding to suicidal content online: best-practice guidelines (2020): nspa.org.uk",
  ],
  negators: ["not", "never", "dont", "didnt", "doesnt", "wont", "wouldnt", "isnt", "wasnt", "arent", "werent", "havent", "hasnt", "hadnt", "longer", "stopped", "quit", "used"],
  negatorExceptions: ["ok", "okay", "fine", "alright", "good", "well", "coping", "great", "sure"],
  others: [
    "you", "youre", "your", "anyone", "someone", "somebody", "people", "they", "theyre", "he", "hes", "she", "shes",
    "friend", "friends", "mate", "brother", "sister", "mum", "mom", "dad", "son", "daughter", "partner", "uncle", "aunt", "cousin", "character",
  ],
  conjunctions: ["and", "but", "so", "because", "cause", "cos", "coz", "though", "then", "now"],
  signs: [
    {
      id: "want-to-die",
      kind: "wanting-to-die",
      patterns: [
        "want|wanna|wanted|wanting|wish_i_could|ready|need to? die",
        "rather be? dead|die",
        "wish i|id was|were dead",
        "wish i|id had? never been? born",
        "wish i was|were never born",
        "wish i wasnt|werent|wasnt_ever alive|born",
        "wish i didnt exist",
        "better off dead",
      ],
      unlessThen: ["than", "laughing", "of", "on"],
    },
    {
      id: "not-want-to-live",
      kind: "wanting-to-die",
      negatable: false,
      patterns: [
        "dont|do_not|dont_really|no_longer|dont_even want to? live|exist|be_alive|be_here|go_on $|anymore|any_more|any_longer|either",
        "dont|do_not|dont_even want to? be alive|around",
        "dont|do_not want to? wake up $|anymore|again|ever_again|tomorrow",
        "want|wanna|wish_i_could to? sleep forever|and_never_wake_up",
        "sleep and never|not wake up",
        "not want to be here anymore",
      ],
    },
    {
      id: "kill-myself",
      kind: "suicidal-thoughts",
      othersCancel: false,
      patterns: [
        "kill|killing|killed|kil myself|meself|my_self",
        "end|ending|take|taking my own? life",
        "end|ending it all",
        "unalive|unaliving myself",
        "want|wanna|going|gonna to? unalive",
        "sewerslide|sewer_slide",
        "hang|hanging myself",
      ],
      unlessThen: ["laughing"],
    },
    {
      id: "suicidal",
      kind: "suicidal-thoughts",
      patterns: [
        "suicidal",
        "thinking|thought|thoughts|think|thinkin about|of suicide|dying|killing_myself|ending_it|ending_it_all|ending_my_life|ending_things",
        "attempt|attempted|try|tried|commit|going_to_commit suicide",
        "suicide is|seems the|my only? way|option|answer",
      ],
    },
    {
      id: "self-harm",
      kind: "self-harm",
      patterns: [
        "self harm|harming|harmed|harms",
        "selfharm|selfharming",
        "harm|harming|harmed myself",
        "cut|cutting|cuts myself|my_arms|my_arm|my_wrists|my_wrist|my_legs|my_thighs",
        "hurting|burning|starving myself",
        "want|wanna|going|gonna|need|urge|urges|tempted|thinking_about|feel_like|might to? hurt|cut|burn|starve myself",
        "urge|urges to self? harm|cut",
      ],
      unlessThen: ["shaving", "cooking", "on", "by", "while", "at", "playing", "lifting", "accidentally", "running", "training", "working", "laughing", "out", "off"],
    },
    {
      id: "plan",
      kind: "plan",
      patterns: [
        "overdose|overdosed|overdosing",
        "took|taken|take|taking|swallowed|swallow all_my|all_the|all_of_my|too_many|a_bunch_of|a_lot_of|loads_of|lots_of|a_handful_of|the_whole|a_whole pills|tablets|meds|painkillers|bottle|box|packet",
        "stockpiling|stockpiled|saving|saving_up|saved_up|hoarding|hoarded|collecting my? pills|tablets|meds|painkillers",
        "wrote|written|writing|write my|a suicide|goodbye note|letter|notes|letters",
        "how|ways|way|best_way|quickest_way|painless_way|easiest_way to kill_myself|die|end_my_life|end_it",
        "jump|jumping off|from a|the? bridge|roof|building|cliff|balcony|tower",
        "step|jump|throw_myself|walk in front of a|the train|bus|lorry|truck|car",
        "have|got|made a plan to die|end_it|kill_myself|end_my_life",
      ],
    },
    {
      id: "no-reason",
      kind: "hopeless",
      negatable: false,
      patterns: [
        "no|any reason|reasons to live|keep_going|go_on|be_alive|stay_alive|keep_living",
        "nothing left? to live for",
        "no|any point in? living|going_on|carrying_on|being_alive|being_here|staying_alive|life|my_life",
        "what|whats|what_is the point of|in living|being_alive|going_on|carrying_on|life|my_life|me",
        "given|giving|gave up on life|living|myself",
        "dont|cant|do_not|cannot see|have a|any future $|for_me|for_myself|anymore",
        "feel|feeling|felt|so|im|completely|totally|utterly hopeless",
      ],
      unlessThen: ["at", "with", "about"],
    },
    {
      id: "trapped",
      kind: "trapped",
      negatable: false,
      patterns: [
        "cant|cannot|can_not go_on|carry_on|keep_going|keep_living|keep_fighting|live|cope|keep_doing_this|do_this anymore|any_longer|like_this|$",
        "tired of fighting|living|being_alive",
        "cant|cannot|can_not take|do|handle|bear|stand|cope_with it|this|life anymore|any_longer",
        "no way out $|anymore|for_me",
        "no way out of this|it $",
        "trapped with no way out",
        "want|need|just_want|make the|this|all_the|my pain to? stop|end",
        "want|wanna to? disappear forever|for_good|and_never_come_back",
        "want|wanna everything|it_all to end|stop|be_over",
      ],
    },
    {
      id: "burden",
      kind: "burden",
      negatable: false,
      othersCancel: false,
      patterns: [
        "im|i_am|being|feel_like|feel_like_im|feel_like_i_am|felt_like|i_feel_like_im|i_was a|such_a|just_a|only_a|nothing_but_a|the burden",
        "burden to|on everyone|anyone|my_family|my_friends|others|people|them|all_of_you|you_all",
        "better off without me",
        "better off if i was|were gone|dead|not_here|not_around|not_alive|never_born",
        "better_off|happier if i wasnt|werent here|around|alive",
        "better off if i died|disappeared|left_for_good",
        "nobody|no_one|noone would|will care|notice|miss_me if i died|was_gone|were_gone|disappeared|killed_myself|wasnt_here|werent_here",
        "nobody|no_one|noone would|will miss me",
      ],
    },
    {
      id: "goodbye",
      kind: "goodbye",
      negatable: false,
      othersCancel: false,
      patterns: [
        "this is goodbye|my_goodbye|my_last_message|my_final_message|the_end_for_me",
        "goodbye|bye forever",
        "wont be here|around much_longer|for_much_longer",
        "giving|gave|give|given away my|all_my belongings|possessions",
        "giving|gave|give|given away all my things|stuff",
      ],
      unlessThen: ["for", "until", "till", "til", "to", "from"],
    },
  ],
};
