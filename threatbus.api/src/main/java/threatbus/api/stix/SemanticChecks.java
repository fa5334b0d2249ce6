// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import threatbus.api.stix.Ast.Bracketed;
import threatbus.api.stix.Ast.Comparison;
import threatbus.api.stix.Ast.ComparisonOp;
import threatbus.api.stix.Ast.Grouped;
import threatbus.api.stix.Ast.Literal;
import threatbus.api.stix.Ast.Observation;
import threatbus.api.stix.Ast.ObservationOp;
import threatbus.api.stix.Ast.PathStep;
import threatbus.api.stix.Ast.PropertyTest;
import threatbus.api.stix.Ast.Qualifier;
import threatbus.api.stix.Ast.QualifierKind;

/**
 * The checks a syntactically valid pattern must also pass, as in the reference validator: hash
 * values must be well-formed for their algorithm, and a bracketed observation expression must not
 * carry two qualifiers of the same kind. The first problem in pattern order is reported.
 */
final class SemanticChecks {

    private static final int MAX_VALUE_CHARS = 140;

    private SemanticChecks() {}

    static void check(Observation observation) throws InvalidPatternException {
        if (observation instanceof ObservationOp op) {
            for (Observation operand : op.operands()) {
                check(operand);
            }
        } else if (observation instanceof Bracketed bracketed) {
            check(bracketed.comparison());
            checkDuplicates(bracketed.qualifiers());
        } else {
            // Qualifiers on a parenthesised group are not checked, as in the reference validator.
            check(((Grouped) observation).inner());
        }
    }

    private static void check(Comparison comparison) throws InvalidPatternException {
        if (comparison instanceof ComparisonOp op) {
            for (Comparison operand : op.operands()) {
                check(operand);
            }
        } else if (comparison instanceof PropertyTest test && test.value() instanceof Literal literal) {
            checkHash(test.path().steps(), literal);
        }
        // EXISTS tests and IN sets carry no single value to check.
    }

    /** A literal compared with {@code ...hashes...<algorithm>} must be a valid hash of that kind. */
    private static void checkHash(List<PathStep> steps, Literal literal)
            throws InvalidPatternException {
        PathStep last = steps.get(steps.size() - 1);
        if (last.isIndex()) {
            return;
        }
        HashAlgorithm algorithm = HashAlgorithm.forKey(last.key());
        if (algorithm == null || algorithm.accepts(literal.value()) || !mentionsHashes(steps)) {
            return;
        }
        throw new InvalidPatternException(literal.position(),
                Snippets.quote(literal.value(), MAX_VALUE_CHARS) + " is not a valid "
                        + Snippets.shorten(last.key(), 40) + " hash");
    }

    private static boolean mentionsHashes(List<PathStep> steps) {
        for (PathStep step : steps) {
            if ("hashes".equals(step.key())) {
                return true;
            }
        }
        return false;
    }

    private static void checkDuplicates(List<Qualifier> qualifiers) throws InvalidPatternException {
        if (qualifiers.size() < 2) {
            return;
        }
        Set<QualifierKind> seen = EnumSet.noneOf(QualifierKind.class);
        for (Qualifier qualifier : qualifiers) {
            if (!seen.add(qualifier.kind())) {
                throw new InvalidPatternException(qualifier.position(), "duplicate qualifier "
                        + qualifier.kind().label + " on one observation expression");
            }
        }
    }
}
