package io.workflowversions.dialect.secmaster;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the dialect's request filters to its own resources only, so that reading the body before authentication
 * (needed to check an AK/SK signature) does not change how other APIs' requests are handled.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface SecmasterApiCall {
}
