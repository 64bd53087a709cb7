import type { CrisisPhraseList } from "../crisisMatch";

/**
 * Spanish phrases (written without accents: text is compared without them). Same kinds of sign as
 * the English list, reviewed against the Spanish editions of the same guidance:
 * - NIMH, "Señales de advertencia de suicidio" (the Spanish edition of "Warning Signs of Suicide", 2022).
 * - Orygen, #chatsafe (2023), published in Spanish with partners in Mexico and Spain.
 * - Ministerio de Sanidad (España), Línea 024 de atención a la conducta suicida: what to do when
 *   someone speaks of wanting to die.
 * Still wanted: a review by native speakers with lived experience (regional forms differ).
 */
export const ES: CrisisPhraseList = {
  lang: "es",
  reviewed: "2026-11",
  sources: [
    "NIMH — Señales de advertencia de suicidio (2022): nimh.nih.gov/health/publications/espanol/senales-de-advertencia-de-suicidio",
    "Orygen — #chatsafe, guía para comunicarse de forma segura en línea sobre el suicidio (2023): orygen.org.au/chatsafe",
    "Ministerio de Sanidad — Línea 024 de atención a la conducta suicida: sanidad.gob.es",
  ],
  negators: ["no", "nunca", "jamas"],
  negatorExceptions: ["estoy", "se", "puedo"],
  others: ["ella", "ellos", "ellas", "alguien", "tu", "usted", "amigo", "amiga", "hermano", "hermana", "madre", "padre", "mama", "papa", "hijo", "hija", "pareja", "novio", "novia"],
  conjunctions: ["y", "pero", "porque", "pues", "entonces", "aunque"],
  signs: [
    {
      id: "es-want-to-die",
      kind: "wanting-to-die",
      patterns: ["quiero|quisiera|queria|deseo|necesito morir|morirme", "me quiero|quisiera morir", "ojala estuviera|estuviese muerto|muerta", "ojala no hubiera|hubiese nacido"],
      unlessThen: ["de"],
    },
    {
      id: "es-not-want-to-live",
      kind: "wanting-to-die",
      negatable: false,
      patterns: ["no quiero|deseo seguir? vivir|viviendo|existir|despertar", "no quiero estar aqui|vivo $|mas"],
    },
    {
      id: "es-kill-myself",
      kind: "suicidal-thoughts",
      othersCancel: false,
      patterns: [
        "matarme|suicidarme",
        "me voy|quiero|pienso a? matar|suicidar",
        "quitarme la vida",
        "acabar|terminar con mi vida|todo",
        "poner fin a mi vida",
      ],
      unlessThen: ["estudiando", "trabajando", "de"],
    },
    {
      id: "es-suicidal",
      kind: "suicidal-thoughts",
      patterns: ["pensamientos|ideas suicidas|de_suicidio|de_matarme", "pienso|pensando en el? suicidio|matarme|morir", "soy|estoy|me_siento suicida"],
    },
    {
      id: "es-self-harm",
      kind: "self-harm",
      patterns: ["autolesion|autolesiones|autolesionarme|autolesionando|autolesiono", "hacerme dano", "me hago dano", "cortarme|me_corto los|las? brazos|munecas|piernas|venas"],
    },
    {
      id: "es-no-reason",
      kind: "hopeless",
      negatable: false,
      patterns: ["no tengo|hay razones|motivos|razon|motivo para vivir|seguir", "no vale la pena vivir|seguir", "no hay salida", "no le veo sentido a la vida|vivir|nada", "sin esperanza"],
    },
    {
      id: "es-burden",
      kind: "burden",
      negatable: false,
      othersCancel: false,
      patterns: ["soy una carga", "estarian|estarias|estaria mejor sin mi", "nadie me extranaria|echaria_de_menos"],
    },
  ],
};
