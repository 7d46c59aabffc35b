package documents

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mou/assemble/internal/readertest"
)

// seedFacts are the facts of each published seed document (../shared/seeds),
// listed by hand from the seeds: names, bodies, policies, amounts, dates and
// each partnership's own commitments, in the words a reader would search
// for. The documents built from the example data, read back by pandoc, must
// hold at least 95% of each list; mustNot lists statements that would be
// wrong for the document (an anachronism, a fact the seed contradicts, an
// invention).
var seedFacts = []struct {
	seed     string // the published document
	data     string // the example data file
	document string // which built document it is compared with
	facts    []string
	mustNot  []string
}{
	{
		seed: "herefordshire-mou-2019.md", data: "herefordshire-2019.toml", document: "mou.docx",
		facts: []string{
			// the partnership and its documents
			"Safeguarding Children and Young People in Herefordshire",
			"Safeguarding Children and Young People in Herefordshire 2019 - 2020",
			"Memorandum of Understanding", "Working Together to Safeguard Children 2018",
			"Children and Social Work Act 2017", "shared and equal duty",
			"early years settings, schools, colleges, health commissioners and providers",
			"voluntary and community organisations, youth justice",
			"Quality and effectiveness of practice are at the heart",
			"respectfully and in a way that empowers them", "relentless focus on the difference",
			"every year, or sooner if required",
			// partners and representatives
			"Herefordshire Council", "West Mercia Police", "Herefordshire Clinical Commissioning Group",
			"Chris Baird", "Director of Children's Services",
			"Susan Thomas", "Superintendent Policing Commander for Herefordshire Local Policing Area",
			"Ellen Footman", "Head of Safeguarding & Designated Nurse for Safeguarding Adults and Children",
			"Chief Executive", "Accountable Officer", "Chief Constable",
			"Herefordshire Council's Cabinet Members",
			"the Police and Crime Commissioner and the Chief Constable for West Mercia",
			"the Governing Body of Herefordshire CCG",
			"remains answerable", "equal and joint responsibility",
			"speak with authority", "hold their own organisation to account",
			// governance
			"Safeguarding Partners Board", "at least twice a year", "first year of the arrangements",
			"do not delegate their attendance",
			"Joint Case Review subgroup", "Practice and Development Sub Group", "Quality and Effectiveness Group",
			"performance management framework",
			"single point of leadership", "usually done virtually",
			// standing duties the seed states
			"Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018",
			"national remit", "designated health professionals",
			"schools, colleges, early years settings and other educational providers",
			"Information Commissioner's Office", "threshold document", "Joint Strategic Needs Assessment",
			"rapid review", "national Panel and the Secretary of State",
			"surviving children", "independently scrutinised", "at least once in every 12 months",
			"updates to the published arrangements",
			// scrutiny
			"Independent Scrutineer/Chair", "meets the criteria for a local child safeguarding practice review",
			"critical friend",
			// information sharing
			"Information Sharing Agreement is in place",
			// funding
			"2019/20", "Children's Wellbeing", "£133,600", "CCG", "£80,190", "Police", "£53,510", "£267,300",
			"work on the safeguarding groups", "training capacity", "auditing",
			"Allocations from 2020 onwards", "equitable and proportionate",
			// disputes
			"Resolution of Professional Disagreement about a Safeguarding Children Response",
			"reviewed and updated for the new arrangements",
			"all three partners", "Local Authority Chief Executive, the CCG Accountable Officer and the Chief Constable",
			"Chartered Institute of Arbitrators", "Ofsted, HMICFRS and CQC", "Secretary of State may take enforcement action",
			// wider partnerships
			"Health & Well Being Board", "Children and Young People's Partnership",
			"Serious and Organised Crime Joint Agency Group", "Community Safety Partnership (and related subgroups)",
			"Child Death Overview Panel (CDOP)", "Herefordshire Safeguarding Adults Board", "Corporate Parenting Board",
			"Youth Justice Board", "Practitioner Forums", "Regional Safeguarding Policies Group",
			// endorsement
			"endorses this Memorandum of Understanding", "10th September 2019",
		},
		mustNot: []string{
			"His Majesty's", "Integrated Care Board", "Lead Safeguarding Partner", "Foundations",
			"Our shared vision", "shared vision:", "values the partners hold", // the seed publishes none
			"all four", "10 September 2019", // one date style: the seed's ordinal
		},
	},
	{
		seed: "cumbria-mou-2019.txt", data: "cumbria-2019.toml", document: "mou.docx",
		facts: []string{
			"Cumbria Safeguarding Children Partnership", "Memorandum of Understanding",
			"Cumbria Safeguarding Children Partnership Plan", "Working Together to Safeguard Children 2018",
			"Children Act 2004", "Children and Social Work Act 2017",
			"lasting and trusting relationships", "every year, or sooner if required",
			"Cumbria Constabulary", "Andrew Slattery", "Assistant Chief Constable",
			"Cumbria County Council", "Nick Jarman", "Interim Executive Director People",
			"Morecambe Bay Clinical Commissioning Group", "Margaret Williams", "Chief Nurse",
			"North Cumbria Clinical Commissioning Group", "Anna Stabler",
			"Director of Nursing and Quality and Deputy System Chief Nurse",
			"Lead Safeguarding Partners Group", "by other means when the matter is urgent",
			"national remit", "designated health professionals", "Information Commissioner's Office",
			"threshold document", "Joint Strategic Needs Assessment", "at least once in every 12 months",
			"Information Sharing Agreement is to be developed",
			"training capacity", "venues", "auditing", "2019/20",
			"Independent Chair of the CSCP Board", "CCG Accountable Officers and the Chief Constable",
			"Chartered Institute of Arbitrators", "NHSE/I", "Secretary of State may take enforcement action",
			"CSCP Escalation Protocol", "all four partners",
			"Local Safeguarding Adults Board", "Health & Well Being Board",
			"Safer Cumbria and Community Safety Partnerships", "Children's Trust Board", "Corporate Parenting Board",
			"SEND Improvement Board", "Prevent Board", "Family Justice Board", "Youth Justice Board",
		},
		mustNot: []string{
			"His Majesty's", "Integrated Care Board (", "Foundations",
			"goes to the Independent Scrutineer", "independent scrutineer, who works", // Cumbria had an independent chair
			"all three partners",
		},
	},
	{
		seed: "cumbria-arrangements-2019.txt", data: "cumbria-2019.toml", document: "arrangements.docx",
		facts: []string{
			"Cumbria Safeguarding Children Partnership", "CSCP", "Cumbria Local Safeguarding Children Board",
			"2017-18", "29 June 2018", "29 June 2019", "Care Act 2014", "LGA Peer Review", "safeguarding fortnight",
			"Working together to keep Cumbria's children safe",
			"whole family", "Early intervention and prevention",
			"Adolescent risk (including contextual safeguarding, exploitation etc.)",
			"Improving child protection and safeguarding practice", "Develop locality safeguarding groups",
			"voice and lived experience of the child is at the heart of everything we do",
			"Cumbria County Council", "Cumbria Constabulary", "North Cumbria Clinical Commissioning Group",
			"Morecambe Bay Clinical Commissioning Group", "coterminous", "wholly within Cumbria",
			"south Cumbria and north Lancashire", "four lead safeguarding partners", "Integrated Care Systems",
			"placed outside the county",
			"Lead Safeguarding Partners Group", "three times a year", "CSCP Board", "quarterly",
			"Locality Safeguarding Groups", "Allerdale and Copeland", "Carlisle and Eden", "Barrow and South Lakeland",
			"It is chaired by a safeguarding partner", "Highlight Report",
			"Learning and Improvement", "Child Death Overview Panel", "Case Review",
			"Keeping Children Safe in Education Partnership", "Complex Safeguarding",
			"Missing, Exploited and Trafficked (MET) Group", "Early Help", "Safeguarding Hub Programme Board", "Radar",
			"Policies and Procedures", "chair sits on the Business Group",
			"Cumbria, as before", "Learning Lessons Briefing", "CSCP Executive Board",
			"the LSCB threshold guidance", "pre-birth up to 18", "Cumbria Safeguarding Hub",
			"multi-agency dataset", "Section 11 safeguarding audits", "Signs of Safety", "supervision",
			"There is no youth custody establishment in Cumbria", "Youth Offending Team",
			"Forum of Independent Schools and Children's Homes (FISCH)",
			"independent Board chair", "practitioner surveys", "Young Perspectives Board", "learning reviews",
			"Appreciative Inquiry", "autumn 2020",
			"Council's Children and Young People's Scrutiny Advisory Board",
			"Multi Agency procedures manual", "Escalation Policy", "welfare and safety remain paramount",
			"Local Authority (staffing/board support)", "£141,600", "CCG's, Acute & Provider Trusts", "£71,878",
			"£13,811", "Others", "£2,326", "Commitments were kept the same",
			"Establishment of Working Together Group", "September 2018", "Options paper to the Board", "February 2019",
			"March 2019", "Paper to Cumbria County Council Cabinet", "6 June 2019", "29 September 2019",
			"New Partnership Board and Business Group arrangements begin", "December 2019",
			"February 2020 onwards", "Publication of Annual Report", "to be confirmed",
			"Forum of Independent Schools and Children's Homes", "Local Government Association",
			"Multi-Agency Public Protection Arrangements", "Serious Case Review",
		},
		mustNot: []string{
			"His Majesty's", "Integrated Care Board", "Foundations",
			"covered by these arrangements, whoever placed them", // the seed says there is none
			"1 April 2018",
		},
	},
	{
		seed: "westmorland-and-furness-arrangements-2025.md", data: "westmorland-and-furness-2025.toml", document: "arrangements.docx",
		facts: []string{
			"Westmorland and Furness Safeguarding Children Partnership", "WFSCP", "Working Together to Safeguard Children 2023",
			"right help, at the right time, from the right people", "1 April 2023", "locality-based approach",
			"hold up the mirror", "Pan Cumbria Lead Safeguarding Partner group",
			"Sam Plum", "Kevin Lavery", "Rob Carden",
			"pan-Cumbria Safeguarding Children Partnership (CSCP)", "April 2025",
			"Cumberland Safeguarding Children Partnership", "education is a key partner",
			"Westmorland and Furness Council", "Cumbria Constabulary", "Lancashire and South Cumbria Integrated Care Board",
			"North East and North Cumbria Integrated Care Board", "Chief Executive", "Chief Constable",
			"Director of Children's Services", "Assistant Chief Constable", "Chief Nurse", "Director of Nursing Officer",
			"Lead Safeguarding Partner", "Delegated Safeguarding Partner", "speak with authority",
			"one police force (Cumbria) and two Integrated Care Boards", "3,760 square km",
			"second largest local authority in England", "fifth least densely populated", "43,300", "2,400",
			"Barrow-in-Furness", "148", "122 primary", "20 secondary", "3 special", "1 pupil referral unit", "2 nursery",
			"Data Protection Act 2018", "partnership business plan", "library of core procedures",
			"Local Government Reform",
			"Joint Lead Safeguarding Partners Meeting", "four times a year", "chief executives of each local authority",
			"Partnership Managers", "Safeguarding Accountability Meeting", "every two months", "twice a year",
			"task and finish groups",
			"All Education Settings (Maintained, Academies, Independent, Further Education and Higher Education)",
			"All Early Years Settings", "University Hospitals Morecambe Bay", "North Cumbria Integrated Care",
			"Harrogate and District NHS Foundation Trust", "Primary Care (GPs)", "North West Ambulance Service",
			"CAFCASS", "National Probation Service", "Commissioned Services", "Voluntary Sector Reference Group",
			"Other voluntary sector groups by discussion and representation", "Cumbria Fire and Rescue Service",
			"Westmorland and Furness Adult Social Care", "Westmorland and Furness Public Health",
			"Westmorland and Furness Youth Justice Service", "Sporting Organisations – Active Cumbria", "Faith Groups",
			"British Transport Police", "provide information",
			"Safeguarding Adults Board", "Community Safety Partnerships", "Family Justice Board",
			"Multi-agency public protection arrangements (MAPPA)", "Health and Wellbeing Boards",
			"domestic abuse", "MOU on sharing data and information", "being drafted",
			"Westmorland and Furness Learning Alliance", "Safeguarding Assurance Group", "childminding",
			"section 175 audits", "Ofsted",
			"separated from the previous pan-Cumbria arrangements", "Business team", "equitable and proportionate",
			"senior officers", "Lead Safeguarding Partners of the partnership", "Secretary of State",
			"no longer has an Independent Chair", "Independent Scrutineer", "critical friend",
			"Pan-Cumbria Quality Assurance and Scrutiny Framework", "young scrutineers", "experts by experience",
			"Family Advisory Board (being developed)",
			"safeguarding quality assurance group", "core training offer", "a year in advance",
			"care leaver up to the age of 24", "Rapid Reviews", "WFSCP Board",
			"WFSCP procedures", "The Threshold of Need", "the Escalation Policy",
			"There is no youth custody establishment in Westmorland and Furness",
			"Four local authority children's homes, run by Cumberland Council", "Two short breaks homes",
			"foster care agencies", "Cumbria Child Death Overview Panel", "the whole of Cumbria",
			"relatively low number of child deaths", "administered by Cumberland Safeguarding Children Partnership",
			"March 2025", "December 2025", "every two years", "partnership's website", "Appendix: structure",
		},
		mustNot: []string{
			"Her Majesty's", "clinical commissioning group", "What Works Centre for Children's Social Care",
			"all three partners", "Chartered Institute of Arbitrators",
			"Chief Executive, North East and North Cumbria Integrated Care Board", // not a foreword signatory
			"after that after that",
		},
	},
}

// TestSeedFacts builds the three examples (Cumbria from a copy whose
// declared total is corrected, as the README says) and checks each
// document against its seed's fact list.
func TestSeedFacts(t *testing.T) {
	pandoc := readertest.Require(t, "pandoc")
	dir := t.TempDir()
	b, err := os.ReadFile("../../data/cumbria-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(b), "declared_total = 237416", "declared_total = 229615", 1)
	if fixed == string(b) {
		t.Fatal("data/cumbria-2019.toml no longer declares 237416: update the test")
	}
	cumbria := filepath.Join(dir, "cumbria-2019.toml")
	if err := os.WriteFile(cumbria, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	build(t, []string{"../../data/herefordshire-2019.toml", cumbria, "../../data/westmorland-and-furness-2025.toml"}, Options{Out: out})
	folders := map[string]string{
		"herefordshire-2019.toml": "herefordshire", "cumbria-2019.toml": "cumbria",
		"westmorland-and-furness-2025.toml": "westmorland-and-furness",
	}
	for _, s := range seedFacts {
		path := filepath.Join(out, folders[s.data], s.document)
		raw, err := exec.Command(pandoc, "-t", "plain", "--wrap=none", path).Output()
		if err != nil {
			t.Fatalf("pandoc %s: %v", path, err)
		}
		text := normalise(string(raw))
		var missing []string
		for _, f := range s.facts {
			if !strings.Contains(text, normalise(f)) {
				missing = append(missing, f)
			}
		}
		present := len(s.facts) - len(missing)
		t.Logf("%s → %s/%s: %d/%d facts present", s.seed, folders[s.data], s.document, present, len(s.facts))
		if present*100 < len(s.facts)*95 {
			t.Errorf("%s: only %d of %d facts present (95%% needed); missing: %q", s.seed, present, len(s.facts), missing)
		} else if len(missing) > 0 {
			t.Logf("%s: missing %q", s.seed, missing)
		}
		for _, m := range s.mustNot {
			if strings.Contains(text, normalise(m)) {
				t.Errorf("%s/%s says %q, which must not appear", folders[s.data], s.document, m)
			}
		}
	}
}

// normalise makes text comparable: one space for any run of white space,
// straight apostrophes, lower case.
func normalise(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "\u00a0", " ").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// TestInventedExampleBuilds: the invented example, which uses the shapes the
// seeds lack, validates without a warning and its arrangements say each
// shape.
func TestInventedExampleBuilds(t *testing.T) {
	pandoc := readertest.Require(t, "pandoc")
	out := t.TempDir()
	build(t, []string{"../../data/invented-meresides-2025.toml"}, Options{Out: out, Strict: true})
	raw, err := exec.Command(pandoc, "-t", "plain", "--wrap=none", filepath.Join(out, "eastmere-and-westmere", "arrangements.docx")).Output()
	if err != nil {
		t.Fatal(err)
	}
	text := normalise(string(raw))
	for _, want := range []string{
		"The local authorities covered are Eastmere Council and Westmere Council", // two councils
		"It is shared with the Northmere Safeguarding Children Partnership",       // a wider executive
		"Tom Hale, Director of Children's Services; Rosa Lind",                    // several delegates
		"chaired by Tom Hale, Director of Children's Services, the delegate",      // one person, two roles
		"The chair passes in turn between the representatives of Eastmere Council, Westmere Council, Three Meres Integrated Care Board and Meres Constabulary, for one year each, starting with Eastmere Council on 1 July 2025",
		"Meresides Schools Forum: represented by Ruth Kaye", // members who are not partners
		"The quorum is one delegate of each statutory partner", "Its objectives are to:",
		"reports to the Partnership Executive and the Eastmere and Westmere Safeguarding Adults Board", // two bodies
		"all-age partnership", "take effect on 1 July 2025", "2 June 2025",
	} {
		if !strings.Contains(text, normalise(want)) {
			t.Errorf("the invented example's arrangements do not say %q", want)
		}
	}
}
