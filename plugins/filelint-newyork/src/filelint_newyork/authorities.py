"""The authorities this pack cites, each with its confidence tag (C confirmed, S secondary, U unconfirmed)."""

from __future__ import annotations

from filelint import Authority

R202_7A = Authority("22 NYCRR 202.7(a)(2)")
R202_7C = Authority("22 NYCRR 202.7(c)")
R202_20FB = Authority("22 NYCRR 202.20-f(b)")
AO_270_20 = Authority(
    "Administrative Order AO/270/20 (eff. Feb. 1, 2021)",
    "S",
    "added 22 NYCRR 202.20-f; seen in practitioner and bar-association summaries",
)
R202_20FC = Authority("22 NYCRR 202.20-f(c)", "C", "denial without prejudice, or the motion held in abeyance")
ANUCHINA = Authority(
    "Anuchina v. Marine Transp. Logistics, Inc., 2023 NY Slip Op 02858 (2d Dept May 31, 2023)",
    "S",
    "seen quoted in a practitioner's note: failure to provide the affirmation warrants denial",
)
NATOLI = Authority(
    "Natoli v. Milazzo, 2009 NY Slip Op 06815 (2d Dept 2009)",
    "S",
    "seen quoted: an affirmation that refers to no communications between the parties is insufficient",
)
FIFTH_AVE = Authority(
    "241 Fifth Ave. Hotel, LLC v. GSY Corp., 2013 NY Slip Op 06514 (1st Dept Oct. 8, 2013)",
    "S",
    "seen quoted: a letter faxed before the deposition date was not conferral",
)
ENCALADA = Authority(
    "Encalada v. Riverside Retail, LLC, 2019 NY Slip Op 06066 (2d Dept Aug. 7, 2019)",
    "S",
    "seen quoted: the efforts may be set out in counsel's primary affirmation",
)
VIDEO = Authority(
    "22 NYCRR 202.20-f(b) applied to a video conference",
    "U",
    "the rule names in-person and telephonic conferences; no source seen on video",
)
CPLR_2214B = Authority("CPLR 2214(b)")
CPLR_2103B2 = Authority("CPLR 2103(b)(2)", "C", "mail: +5 days, +6 from outside the state")
CPLR_2103B6 = Authority(
    "CPLR 2103(b)(6)", "S", "overnight delivery: +1 business day (seen quoted in practitioner notes)"
)
NYSCEF = Authority(
    "22 NYCRR 202.5-b(f)(2)(ii)",
    "S",
    "NYSCEF notification is the service; no days added "
    "(seen quoted in Global Custom Integrations v. JDP Wholesale (Sup. Ct. Westchester County 2013))",
)
BRILLON = Authority(
    "Matter of Brillon, 142 Misc. 2d 124 (Sur. Ct. Bronx County 1988)",
    "C",
    "papers mailed 13 days before the return date gave the 8 + 5 days",
)
ZISHOLTZ = Authority(
    "Zisholtz & Zisholtz, LLP v. Mandel, 2018 NY Slip Op 07349 (2d Dept Oct. 31, 2018)",
    "S",
    "seen quoted: a mailed motion must be served 21 days ahead for the 7-day demand to work",
)
GCL_25A = Authority("GCL § 25-a(1)", "C", "the statute's text")
GCL_25A_BACKWARD = Authority(
    "GCL § 25-a(1) applied to a period counted back from the return date",
    "U",
    "its words reach periods 'before which' an act is done; no decision seen applying it to CPLR 2214(b)",
)
