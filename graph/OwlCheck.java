// The OWL 2 DL profile check and the HermiT reasoner over RDF files, for graph/owl_check.py.
//
// Runs on the HermiT.jar that owlready2 ships (HermiT 1.3.8 with the OWL API 3.4 inside it):
//   java -cp HermiT.jar:CLASSES OwlCheck FILE...
// For each FILE (Turtle, RDF/XML or N-Triples) it prints tab-separated lines:
//   file        FILE
//   axioms      N
//   violation   KIND  MESSAGE          one per OWL 2 DL profile violation (OWL API's OWL2DLProfile)
//   consistent  true|false             HermiT: is the ontology consistent?
//   unsatisfiable IRI                  HermiT: one per class equivalent to owl:Nothing
//   refused     MESSAGE                HermiT refused to reason (an unsupported datatype, say)
//   end
// An unreadable file gives "error MESSAGE" and the next file is checked.

import java.io.File;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.Reasoner;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class OwlCheck {
    public static void main(String[] args) {
        for (String path : args) {
            System.out.println("file\t" + path);
            try {
                check(new File(path));
            } catch (Throwable e) {
                System.out.println("error\t" + oneLine(e));
            }
            System.out.println("end");
        }
        System.out.flush();
    }

    private static void check(File file) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(file);
        System.out.println("axioms\t" + ontology.getAxiomCount());
        for (OWLProfileViolation v : new OWL2DLProfile().checkOntology(ontology).getViolations()) {
            System.out.println("violation\t" + v.getClass().getSimpleName() + "\t" + oneLine(v.toString()));
        }
        try {
            Reasoner reasoner = new Reasoner(new Configuration(), ontology);
            boolean consistent = reasoner.isConsistent();
            System.out.println("consistent\t" + consistent);
            if (consistent) {
                for (OWLClass c : reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom()) {
                    System.out.println("unsatisfiable\t" + c.getIRI());
                }
            }
            reasoner.dispose();
        } catch (Throwable e) {
            System.out.println("refused\t" + oneLine(e));
        }
    }

    private static String oneLine(Throwable e) {
        return oneLine(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
