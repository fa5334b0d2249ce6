// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import threatbus.api.stix.Ast.Bracketed;
import threatbus.api.stix.Ast.Comparison;
import threatbus.api.stix.Ast.ComparisonOp;
import threatbus.api.stix.Ast.Exists;
import threatbus.api.stix.Ast.Grouped;
import threatbus.api.stix.Ast.Literal;
import threatbus.api.stix.Ast.Observation;
import threatbus.api.stix.Ast.ObservationOp;
import threatbus.api.stix.Ast.PropertyTest;

/** Summary facts about a parsed pattern, gathered in one walk over its tree. */
final class PatternFacts {

    private final Set<String> objectTypes = new LinkedHashSet<>();
    private int comparisonCount;
    private boolean observationOperators;
    private boolean qualifiers;
    private PropertyTest lastTest;

    private PatternFacts() {}

    static PatternFacts of(Observation root) {
        PatternFacts facts = new PatternFacts();
        facts.visit(root);
        return facts;
    }

    private void visit(Observation observation) {
        if (observation instanceof ObservationOp op) {
            observationOperators = true;
            for (Observation operand : op.operands()) {
                visit(operand);
            }
        } else if (observation instanceof Bracketed bracketed) {
            qualifiers |= !bracketed.qualifiers().isEmpty();
            visit(bracketed.comparison());
        } else {
            Grouped grouped = (Grouped) observation;
            qualifiers |= !grouped.qualifiers().isEmpty();
            visit(grouped.inner());
        }
    }

    private void visit(Comparison comparison) {
        if (comparison instanceof ComparisonOp op) {
            for (Comparison operand : op.operands()) {
                visit(operand);
            }
        } else if (comparison instanceof PropertyTest test) {
            comparisonCount++;
            objectTypes.add(test.path().objectType());
            lastTest = test;
        } else {
            comparisonCount++;
            objectTypes.add(((Exists) comparison).path().objectType());
        }
    }

    Set<String> objectTypes() {
        return Collections.unmodifiableSet(objectTypes);
    }

    int comparisonCount() {
        return comparisonCount;
    }

    boolean hasObservationOperators() {
        return observationOperators;
    }

    boolean hasQualifiers() {
        return qualifiers;
    }

    /**
     * The point IoC, or null: no observation operators, no qualifiers, exactly one comparison, and
     * that comparison an equality written {@code =} without NOT.
     */
    PointIoc pointIoc() {
        if (observationOperators || qualifiers || comparisonCount != 1 || lastTest == null
                || lastTest.negated() || !"=".equals(lastTest.operator())) {
            return null;
        }
        Literal literal = (Literal) lastTest.value();
        return new PointIoc(lastTest.path().render(), literal.value(), literal.isString());
    }
}
