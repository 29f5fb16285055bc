package dev.multidb.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void urlWithoutPasswordIsUnchanged() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db1:5432/shop?ssl=true"))
                .isEqualTo("jdbc:postgresql://db1:5432/shop?ssl=true");
        assertThat(JdbcUrls.mask("jdbc:h2:tcp://localhost:9092/~/test;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:tcp://localhost:9092/~/test;MODE=PostgreSQL");
        assertThat(JdbcUrls.mask("jdbc:oracle:thin:@//host:1521/svc")).isEqualTo("jdbc:oracle:thin:@//host:1521/svc");
    }

    @Test
    void queryParameterPasswordIsMasked() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/shop?user=shop&password=s3cr3t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/shop?user=shop&password=****&ssl=true");
        assertThat(JdbcUrls.mask("jdbc:mysql://db/shop?password=a;b&user=x"))
                .isEqualTo("jdbc:mysql://db/shop?password=****&user=x");
    }

    @Test
    void semicolonParameterPasswordIsMasked() {
        assertThat(JdbcUrls.mask("jdbc:h2:mem:x;PASSWORD=s3cr3t;MODE=MySQL"))
                .isEqualTo("jdbc:h2:mem:x;PASSWORD=****;MODE=MySQL");
        assertThat(JdbcUrls.mask("jdbc:sqlserver://host:1433;user=sa;password=s3cr3t"))
                .isEqualTo("jdbc:sqlserver://host:1433;user=sa;password=****");
    }

    @Test
    void sqlServerBracedPasswordIsMaskedWhole() {
        assertThat(JdbcUrls.mask("jdbc:sqlserver://host;password={a;b}}c};database=x"))
                .isEqualTo("jdbc:sqlserver://host;password=****;database=x");
    }

    @Test
    void otherPasswordParametersAreMaskedToo() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/x?sslpassword=k1&trustStorePassword=k2&pwd=k3"))
                .isEqualTo("jdbc:postgresql://db/x?sslpassword=****&trustStorePassword=****&pwd=****");
        assertThat(JdbcUrls.mask("jdbc:mysql://(host=h,password=p,user=u)/db"))
                .isEqualTo("jdbc:mysql://(host=h,password=****,user=u)/db");
    }

    @Test
    void userInfoPasswordIsMasked() {
        assertThat(JdbcUrls.mask("jdbc:mariadb://u:s3cr3t@h/db")).isEqualTo("jdbc:mariadb://u:****@h/db");
        assertThat(JdbcUrls.mask("jdbc:postgresql://u:s3cr3t@h:5432/db")).isEqualTo("jdbc:postgresql://u:****@h:5432/db");
        assertThat(JdbcUrls.mask("jdbc:mysql://u:p@ss@h/db")).isEqualTo("jdbc:mysql://u:****@h/db");
        assertThat(JdbcUrls.mask("postgres://u:s3cr3t@h/db")).isEqualTo("postgres://u:****@h/db");
    }

    @Test
    void oraclePasswordIsMasked() {
        assertThat(JdbcUrls.mask("jdbc:oracle:thin:scott/tiger@host:1521:orcl"))
                .isEqualTo("jdbc:oracle:thin:scott/****@host:1521:orcl");
    }

    @Test
    void passwordsListsWhatMaskHides() {
        assertThat(JdbcUrls.passwords("jdbc:mariadb://u:pw1@h/db?password=pw2")).containsExactly("pw1", "pw2");
        assertThat(JdbcUrls.passwords("jdbc:h2:mem:x")).isEmpty();
        assertThat(JdbcUrls.passwords(null)).isEmpty();
        assertThat(JdbcUrls.mask(null)).isNull();
    }
}
