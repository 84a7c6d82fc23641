package io.workflowversions.journal;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.workflowversions.http.AnswerTap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Copies the body a resource's answer is written as to the request's {@link AnswerTap}. Failures do not pass here
 * when the request is refused before its resource method (by authentication, say): the failure mapper hands those
 * to the tap itself.
 */
@Provider
public class AnswerTee implements WriterInterceptor {

    private final CurrentVertxRequest request;

    AnswerTee(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        AnswerTap tap = AnswerTap.of(request.getCurrent());
        if (tap == null) {
            context.proceed();
            return;
        }
        Tee tee = new Tee(context.getOutputStream(), tap);
        context.setOutputStream(tee);
        context.proceed();
        tee.release();
    }

    /**
     * Holds the body back until it is complete, so that the tap has all of it before the answer's headers go out,
     * which is when the exchange is recorded.
     */
    private static final class Tee extends FilterOutputStream {

        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AnswerTap tap;
        private boolean released;

        Tee(OutputStream out, AnswerTap tap) {
            super(out);
            this.tap = tap;
        }

        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) {
            body.write(bytes, offset, count);
        }

        @Override
        public void flush() {
            // Nothing goes out before the whole body is known.
        }

        @Override
        public void close() throws IOException {
            release();
            out.close();
        }

        void release() throws IOException {
            if (released) {
                return;
            }
            released = true;
            byte[] bytes = body.toByteArray();
            tap.answered(bytes.length <= tap.keeps() ? bytes : java.util.Arrays.copyOf(bytes, tap.keeps()), bytes.length);
            out.write(bytes);
        }
    }
}
