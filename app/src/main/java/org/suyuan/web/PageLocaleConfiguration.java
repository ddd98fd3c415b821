package org.suyuan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages speak Chinese unless the user picks English ({@code ?lang=en}, remembered in a cookie for a year). The
 * browser's Accept-Language is ignored on purpose: a farmer's phone set to English should not surprise a
 * co-op that expects Chinese, and the switch is one tap away on every page.
 */
@Configuration
class PageLocaleConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final String PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        return new SupportedLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** The two languages the pages have: Chinese (the default) and English. */
    static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }

    private static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver() {
            super("suyuan-lang");
            setDefaultLocale(CHINESE);
            setCookieMaxAge(Duration.ofDays(365));
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
        }
    }
}
